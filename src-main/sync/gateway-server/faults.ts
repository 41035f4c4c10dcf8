/**
 * Fault injection for trials and tests: a slow line (latency), an overloaded province (503 with
 * Retry-After, or a bare 500) and a line that drops (connection reset). A reset hits one of three
 * moments, because each tests a different promise of the client: before the request is served
 * (nothing happened), in the middle of a file chunk (resume from the server's offset), or after
 * the work is done but before the answer leaves (the client must not do it twice).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { FaultOptions } from './options.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function resetMidBody(req: IncomingMessage): void {
  const length = Number(req.headers['content-length'] ?? 0);
  const socket = req.socket;
  const startRead = socket.bytesRead;
  const cutAt = startRead + Math.floor(length * (0.2 + Math.random() * 0.6));
  const timer = setInterval(() => {
    if (socket.destroyed) clearInterval(timer);
    else if (socket.bytesRead >= cutAt) {
      clearInterval(timer);
      socket.destroy();
    }
  }, 2);
  req.once('end', () => clearInterval(timer));
}

function dropAnswer(res: ServerResponse): void {
  // The work has been done; the answer is lost on the way back.
  res.writeHead = (() => {
    res.socket?.destroy();
    return res;
  }) as unknown as ServerResponse['writeHead'];
}

export function installFaults(app: FastifyInstance, faults: FaultOptions): void {
  if (faults.failRate === 0 && faults.resetRate === 0 && faults.latencyMs === 0) return;
  app.addHook('onRequest', async (request, reply) => {
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    if (Math.random() < faults.failRate) {
      if (Math.random() < 0.5) {
        return reply
          .code(503)
          .header('Retry-After', String(faults.retryAfterSeconds))
          .send({ error_code: 503, message: 'Hệ thống đang quá tải, vui lòng thử lại sau.' });
      }
      return reply.code(500).send({ error_code: 500, message: 'Lỗi hệ thống, vui lòng thử lại.' });
    }
    if (Math.random() < faults.resetRate) {
      const moment = Math.random();
      const hasBody = Number(request.headers['content-length'] ?? 0) > 0;
      if (moment < 1 / 3) {
        reply.hijack();
        request.raw.socket.destroy();
        return reply;
      }
      if (moment < 2 / 3 && hasBody && request.method === 'PATCH') resetMidBody(request.raw);
      else dropAnswer(reply.raw);
    }
    return undefined;
  });
}
