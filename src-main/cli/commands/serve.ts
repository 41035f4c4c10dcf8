/**
 * `sohoa serve`: browser mode. The same core as the desktop app, over HTTP/WS on 127.0.0.1,
 * serving the built renderer. Runs until SIGINT/SIGTERM, then closes connections, services and
 * the log in that order.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { randomToken, startBackgroundServices, startHttpServer } from '../../api/index.js';
import { createCore } from '../../core/index.js';
import { invalidInput } from '../../domain/index.js';
import { appRoot, createFileLogger, loadConfig } from '../../platform/index.js';
import type { RegisterCommands } from '../context.js';

export const DEFAULT_PORT = 47800;

const serveOptions = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(DEFAULT_PORT),
  token: z
    .string()
    .regex(/^[\x21-\x7e]{3,512}$/, '3 to 512 printable characters without spaces')
    .optional(),
});

function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export const registerServe: RegisterCommands = (program, ctx) => {
  program
    .command('serve')
    .description('chạy giao diện trên trình duyệt (127.0.0.1) / run the app in browser mode')
    .option('--port <n>', `TCP port on 127.0.0.1 (0: any free port; default ${DEFAULT_PORT})`)
    .option('--token <t>', 'access token (env SOHOA_TOKEN; default: random)')
    .action(async (raw: { port?: string; token?: string }) => {
      const parsed = serveOptions.safeParse(
        {
          port: raw.port,
          token: raw.token ?? process.env.SOHOA_TOKEN,
        },
        { reportInput: true },
      );
      if (!parsed.success) {
        throw invalidInput(
          { vi: 'Tùy chọn của lệnh serve', en: 'serve options' },
          parsed.error.issues,
        );
      }
      // Listen for the stop signal first: a Ctrl+C during start-up still shuts down cleanly.
      const stopped = waitForSignal();
      const dataDir = ctx.dataDir();
      const token = parsed.data.token ?? randomToken();
      const { logging } = loadConfig({ dataDir }).config;
      const log = await createFileLogger({ dataDir, ...logging });
      const core = createCore({ dataDir, logger: log.logger });
      try {
        const server = await startHttpServer({
          core,
          token,
          port: parsed.data.port,
          rendererDir: join(appRoot(), 'dist', 'renderer'),
        });
        await startBackgroundServices(core);
        const url = `${server.url}?token=${encodeURIComponent(token)}`;
        ctx.print(`SoHoa: ${url}`);
        ctx.print(`  Mở địa chỉ trên bằng trình duyệt / Open the address above in a browser`);
        ctx.print(`  Dữ liệu / Data: ${dataDir}`);
        ctx.print(`  Nhật ký / Log: ${log.dir}`);
        ctx.print(`  Ctrl+C để dừng / Ctrl+C to stop`);
        const signal = await stopped;
        log.logger.info({ signal }, 'stopping browser mode');
        await server.close();
      } finally {
        await core.close();
        await log.close();
      }
      ctx.print('SoHoa: đã dừng / stopped');
    });
};
