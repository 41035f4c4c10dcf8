/**
 * Browser mode: the contract over HTTP and WebSocket, on 127.0.0.1 only.
 *
 *   POST /api/call/<method>   body = input (JSON)  → 200 { result } | 4xx/5xx { error }
 *   GET  /api/events          WebSocket; each frame { event, payload }
 *   GET  /?token=<t>          sets the HttpOnly cookie and redirects to /
 *   GET  /*                   the built renderer (dist/renderer), strict CSP
 *
 * Every /api request needs the token (bearer header or cookie), the WebSocket upgrade included.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import { AppError } from '../../domain/index.js';
import type { Core } from '../../core/index.js';
import { rendererCsp } from '../csp.js';
import { createDispatcher, errorBody } from '../dispatch.js';
import { forwardEvents } from '../events.js';
import { presentedToken, tokenCookie, tokenMatcher } from './auth.js';
import { requestSession } from './session-cookie.js';
import { httpStatus } from './status.js';

export interface HttpServerOptions {
  core: Core;
  token: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The built renderer; without it the page explains how to build it. */
  rendererDir: string;
}

export interface RunningHttpServer {
  /** http://127.0.0.1:<port>/ */
  url: string;
  port: number;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const CLOSE_GRACE_MS = 10_000;

function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  return reply.code(httpStatus(error.code)).send({ error: error.toJSON() });
}

const unauthorized = (): AppError =>
  new AppError('UNAUTHORIZED', {
    vi: 'Thiếu hoặc sai mã truy cập (token)',
    en: 'Missing or wrong access token',
  });

/** Fastify's own errors (malformed JSON, wrong content type, body too large) in our envelope. */
function fromFastifyError(error: FastifyError): AppError {
  const status = error.statusCode ?? 500;
  if (status === 413) {
    return new AppError('VALIDATION', {
      vi: 'Dữ liệu gửi lên quá lớn',
      en: 'The request body is too large',
    });
  }
  if (status === 415) {
    return new AppError('VALIDATION', {
      vi: 'Dữ liệu gửi lên phải là JSON (Content-Type: application/json)',
      en: 'The request body must be JSON (Content-Type: application/json)',
    });
  }
  if (status >= 400 && status < 500) {
    return new AppError(
      'VALIDATION',
      {
        vi: `Dữ liệu gửi lên không hợp lệ: ${error.message}`,
        en: `Malformed request: ${error.message}`,
      },
      { details: { reason: error.code } },
    );
  }
  return errorBody(error);
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const { core, rendererDir } = options;
  const matches = tokenMatcher(options.token);
  const dispatch = createDispatcher(core, 'browser');
  const app = Fastify({ logger: false, bodyLimit: 4 * 1024 * 1024 });
  const hasRenderer = existsSync(join(rendererDir, 'index.html'));

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('Content-Security-Policy', rendererCsp);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path === '/api' || path.startsWith('/api/')) {
      if (matches(presentedToken(request.headers))) return undefined;
      // A refused WebSocket upgrade is a detached socket the server would otherwise keep open.
      if (request.headers.upgrade) reply.raw.once('finish', () => request.raw.socket.destroy());
      return sendError(reply.header('Connection', 'close'), unauthorized());
    }
    // Opening the printed URL: trade the token in the address for a cookie, then drop it from
    // the address bar (and from history).
    const query = request.query as { token?: unknown };
    if (request.method === 'GET' && path === '/' && typeof query.token === 'string') {
      if (!matches(query.token)) return sendError(reply, unauthorized());
      return reply.header('Set-Cookie', tokenCookie(query.token)).redirect('/', 303);
    }
    return undefined;
  });

  // An access log for IT staff, without the query string (it may carry the token).
  app.addHook('onResponse', async (request, reply) => {
    core.log.debug(
      {
        method: request.method,
        path: request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'http',
    );
  });

  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = error instanceof AppError ? error : fromFastifyError(error);
    if (appError.code === 'INTERNAL')
      core.log.error({ err: error, url: request.url }, 'HTTP request failed');
    return sendError(reply, appError);
  });

  // An empty body is an empty input (methods without parameters).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      done(
        new AppError('VALIDATION', {
          vi: `Dữ liệu gửi lên không phải JSON hợp lệ: ${reason}`,
          en: `The request body is not valid JSON: ${reason}`,
        }),
        undefined,
      );
    }
  });

  await app.register(fastifyWebsocket);

  app.post<{ Params: { method: string } }>('/api/call/:method', async (request, reply) => {
    try {
      const result = await dispatch(request.params.method, request.body, {
        session: requestSession(request, reply),
      });
      return reply.send({ result: result ?? null });
    } catch (error) {
      return sendError(reply, errorBody(error));
    }
  });

  app.get('/api/events', { websocket: true }, (socket) => {
    const stop = forwardEvents(core, (message) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    });
    socket.on('close', stop);
    socket.on('error', stop);
  });

  app.all('/api/*', async (request, reply) =>
    sendError(
      reply,
      new AppError(
        'NOT_FOUND',
        { vi: `Không có đường dẫn API ${request.url}`, en: `There is no API route ${request.url}` },
        { details: { method: request.method } },
      ),
    ),
  );

  if (hasRenderer) {
    await app.register(fastifyStatic, { root: rendererDir, index: 'index.html', wildcard: true });
    // A reload on a client-side route (no file extension) gets the app, not a 404.
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      if (request.method === 'GET' && !/\.[a-z0-9]+$/i.test(path))
        return reply.sendFile('index.html');
      return reply.code(404).type('text/plain; charset=utf-8').send('Không tìm thấy / Not found\n');
    });
  } else {
    app.get('/', async (_request, reply) =>
      reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(
          `Chưa có giao diện (thiếu ${rendererDir}). Chạy: npm run build:renderer\n` +
            `The user interface is not built (${rendererDir} is missing). Run: npm run build:renderer\n`,
        ),
    );
  }

  try {
    await app.listen({ host: HOST, port: options.port ?? 0 });
  } catch (error) {
    await app.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new AppError(
        'CONFLICT',
        {
          vi: `Không mở được cổng ${options.port ?? 0} trên ${HOST} (${code === 'EADDRINUSE' ? 'đang được dùng' : 'không có quyền'})`,
          en: `Cannot listen on ${HOST}:${options.port ?? 0} (${code === 'EADDRINUSE' ? 'already in use' : 'permission denied'})`,
        },
        { details: { port: options.port, code }, cause: error },
      );
    }
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  core.log.info({ host: HOST, port, renderer: hasRenderer }, 'browser mode listening');
  return {
    url: `http://${HOST}:${port}/`,
    port,
    async close() {
      // In-flight calls get a grace period; after it, connections are cut so shutdown finishes.
      const force = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
      force.unref();
      try {
        await app.close();
      } finally {
        clearTimeout(force);
      }
    },
  };
}
