/**
 * `/files`: tus 1.0.0 (core + creation) through @tus/server on a file store. The contract adds
 * one rule: Upload-Metadata announces the file's sha256, and a file whose bytes do not hash to
 * it is rejected with 460 when its last byte arrives (and removed, so it cannot be referenced).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { GatewayRepository } from './repository.js';

const SHA256 = /^[0-9a-f]{64}$/;

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

function tusError(status: number, message: string): { status_code: number; body: string } {
  return { status_code: status, body: JSON.stringify({ error_code: status, message }) };
}

export function registerTusRoutes(
  app: FastifyInstance,
  opts: { basePath: string; directory: string; repo: GatewayRepository; maxSize: number },
): void {
  const datastore = new FileStore({ directory: opts.directory });
  const tus = new Server({
    path: `${opts.basePath}/files`,
    datastore,
    maxSize: opts.maxSize,
    async onUploadCreate(_req, upload) {
      const meta = upload.metadata ?? {};
      if (!meta.sha256 || !SHA256.test(meta.sha256)) {
        throw tusError(400, 'Upload-Metadata phải có sha256 (64 chữ số hex thường) của tệp.');
      }
      if (!meta.filename) throw tusError(400, 'Upload-Metadata phải có filename.');
      return {};
    },
    async onUploadFinish(_req, upload) {
      const announced = upload.metadata?.sha256 ?? '';
      const actual = await sha256Of(join(opts.directory, upload.id));
      if (actual !== announced) {
        await datastore.remove(upload.id);
        throw tusError(
          460,
          `Mã băm SHA-256 của tệp không khớp (nhận ${actual}, khai báo ${announced}); vui lòng tải lại.`,
        );
      }
      opts.repo.recordFile({
        id: upload.id,
        sha256: actual,
        size: upload.size ?? upload.offset,
        filename: upload.metadata?.filename ?? upload.id,
        mime: upload.metadata?.mime ?? 'application/octet-stream',
      });
      return {};
    },
  });

  // tus reads the raw request stream itself, so these routes must not parse bodies.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    const handle = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
      reply.hijack();
      await tus.handle(request.raw, reply.raw);
    };
    scope.all('/files', handle);
    scope.all('/files/*', handle);
  });
}
