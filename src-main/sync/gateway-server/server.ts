/**
 * The reference gateway: the whole contract on fastify + @tus/server + its own SQLite, with
 * configured credentials, a seeded catalog and fault injection. It is the default target for
 * trials (`sohoa gateway serve`) and the server the sync tests talk to.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { FastifyRequest } from 'fastify';
import { openGatewayDb } from './database.js';
import type { GatewayDb } from './database.js';
import { installFaults } from './faults.js';
import { loadOrCreateCredentials, parseGatewayOptions } from './options.js';
import type { GatewayCredential, GatewayOptionsInput } from './options.js';
import { GatewayRepository } from './repository.js';
import { registerApiRoutes, sendError } from './routes-api.js';
import { SEED_AGENCIES, seedProcedures } from './seed-catalog.js';
import { registerTusRoutes } from './tus-files.js';

/** Large enough for a scanned dossier component; a bigger file is refused with 413. */
const MAX_FILE_BYTES = 512 * 1024 * 1024;

export interface RunningGateway {
  /** Base URL of the API, e.g. http://127.0.0.1:8443/sohoa/v1 */
  url: string;
  port: number;
  credentials: GatewayCredential[];
  repo: GatewayRepository;
  close(): Promise<void>;
}

export async function startGateway(input: GatewayOptionsInput): Promise<RunningGateway> {
  const options = parseGatewayOptions(input);
  mkdirSync(options.dataDir, { recursive: true });
  const credentials = options.credentials ?? loadOrCreateCredentials(options.dataDir);
  const now = options.now ?? Date.now;
  const db: GatewayDb = openGatewayDb(join(options.dataDir, 'gateway.sqlite'));
  const repo = new GatewayRepository(db, now);
  repo.seedCatalog(SEED_AGENCIES, seedProcedures());
  const uploads = join(options.dataDir, 'uploads');
  mkdirSync(uploads, { recursive: true });

  const app = Fastify({ logger: false, forceCloseConnections: true });
  installFaults(app, options.faults);
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, `Không có đường dẫn ${request.method} ${request.url}.`),
  );
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500
        ? error.statusCode
        : 500;
    return sendError(
      reply,
      status,
      status === 500 ? 'Lỗi hệ thống cổng kết nối.' : `Yêu cầu không hợp lệ: ${error.message}`,
    );
  });

  await app.register(
    async (api) => {
      api.addHook('onRequest', async (request, reply) => {
        if (request.routeOptions.url === `${options.basePath}/auth/token`) return undefined;
        const header = request.headers.authorization ?? '';
        const token = header.startsWith('Bearer ') ? header.slice(7) : '';
        const caller = token ? repo.tokenOwner(token) : undefined;
        if (!caller)
          return sendError(
            reply,
            401,
            'Phiên đăng nhập đã hết hạn hoặc không hợp lệ; hãy đăng nhập lại.',
          );
        (request as FastifyRequest & { caller?: typeof caller }).caller = caller;
        return undefined;
      });
      registerApiRoutes(api, { repo, credentials, tokenTtlSeconds: options.tokenTtlSeconds });
      registerTusRoutes(api, {
        basePath: options.basePath,
        directory: uploads,
        repo,
        maxSize: MAX_FILE_BYTES,
      });
    },
    { prefix: options.basePath },
  );

  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}${options.basePath}`,
    port,
    credentials,
    repo,
    async close() {
      await app.close();
      db.close();
    },
  };
}
