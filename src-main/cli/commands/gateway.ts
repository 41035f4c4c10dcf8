/**
 * `sohoa gateway serve`: the reference provincial gateway for trials and tests (the whole
 * contract, its own SQLite, a seeded catalog, fault injection); `sohoa gateway status CODE N`
 * moves a dossier along the province's workflow so status pulls can be tried.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { AppError, invalidInput } from '../../domain/index.js';
import { startGateway } from '../../sync/index.js';
import type { RegisterCommands } from '../context.js';

const ServeOptions = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(8443),
  host: z.string().min(1).default('127.0.0.1'),
  dataDir: z.string().min(1).optional(),
  failRate: z.coerce.number().min(0).max(1).default(0),
  resetRate: z.coerce.number().min(0).max(1).default(0),
  latencyMs: z.coerce.number().int().min(0).max(60_000).default(0),
  retryAfter: z.coerce.number().int().min(0).max(3600).default(1),
});

function parse<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw invalidInput({ vi: `Tham số ${what}`, en: `${what} options` }, parsed.error.issues);
  return parsed.data;
}

export const registerGateway: RegisterCommands = (program, ctx) => {
  const gateway = program
    .command('gateway')
    .description('cổng kết nối mẫu của tỉnh (dùng thử, kiểm thử) / reference provincial gateway');

  gateway
    .command('serve')
    .description('chạy cổng kết nối mẫu / run the reference gateway')
    .option('--port <n>', 'TCP port (0 = any free port)', '8443')
    .option('--host <host>', 'listen address', '127.0.0.1')
    .option('--data-dir <dir>', "the gateway's data folder (default: <data dir>/gateway)")
    .option('--fail-rate <p>', 'share of requests answered 503/500', '0')
    .option('--reset-rate <p>', 'share of connections reset', '0')
    .option('--latency-ms <n>', 'delay before every request', '0')
    .option('--retry-after <s>', 'Retry-After seconds sent with 503', '1')
    .action(
      async (
        raw: Record<string, string | undefined>,
        command: { optsWithGlobals(): Record<string, unknown> },
      ) => {
        const options = parse(ServeOptions, raw, 'gateway serve');
        // --data-dir is also a global option; commander hands it to whichever declared it last.
        const dataDir =
          options.dataDir ??
          (command.optsWithGlobals().dataDir as string | undefined) ??
          join(ctx.dataDir(), 'gateway');
        const running = await startGateway({
          dataDir,
          host: options.host,
          port: options.port,
          faults: {
            failRate: options.failRate,
            resetRate: options.resetRate,
            latencyMs: options.latencyMs,
            retryAfterSeconds: options.retryAfter,
          },
        });
        ctx.print(`Cổng kết nối mẫu đang chạy / Reference gateway listening: ${running.url}`);
        ctx.print(`Thông tin đăng nhập / Credentials: ${join(dataDir, 'credentials.json')}`);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', () => resolve());
          process.once('SIGTERM', () => resolve());
        });
        await running.close();
      },
    );

  gateway
    .command('status')
    .description(
      "đặt TrangThaiHoSo của một hồ sơ trên cổng mẫu / set a dossier's status on the reference gateway",
    )
    .argument('<code>', 'MaHoSo')
    .argument('<status>', 'TrangThaiHoSo 1..10')
    .option('--data-dir <dir>', "the gateway's data folder (default: <data dir>/gateway)")
    .action(
      async (
        code: string,
        status: string,
        raw: { dataDir?: string },
        command: { optsWithGlobals(): Record<string, unknown> },
      ) => {
        const value = parse(z.coerce.number().int().min(1).max(10), status, 'TrangThaiHoSo');
        const dataDir =
          raw.dataDir ??
          (command.optsWithGlobals().dataDir as string | undefined) ??
          join(ctx.dataDir(), 'gateway');
        const running = await startGateway({ dataDir, port: 0 });
        try {
          if (!running.repo.setStatus(code, value)) {
            throw new AppError(
              'NOT_FOUND',
              {
                vi: `Cổng mẫu không có hồ sơ ${code}.`,
                en: `The reference gateway has no dossier ${code}.`,
              },
              { details: { code } },
            );
          }
          ctx.print(`${code}: TrangThaiHoSo = ${value}`);
        } finally {
          await running.close();
        }
      },
    );
};
