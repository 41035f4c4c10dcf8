/**
 * `sohoa sync [--once] [--json]`, `sohoa sync status [--json]`, `sohoa sync login`,
 * `sohoa sync retry CODE`: the sync engine from the command line (contractors' stations,
 * scripts, IT staff checking a counter). Settings come from the configuration (`gateway`,
 * `agency`, `sync`); the client secret from SOHOA_GATEWAY_SECRET or `sohoa sync login`.
 */
import { z } from 'zod';
import { AppError, invalidInput } from '../../domain/index.js';
import { openStore } from '../../store/index.js';
import type { Store } from '../../store/index.js';
import { OutboxStore, openStationSync, syncStatus, writeClientSecret } from '../../sync/index.js';
import type { EngineState, ItemEvent, SyncEngine, SyncStatus } from '../../sync/index.js';
import type { CliContext, RegisterCommands } from '../context.js';

const STATE_VI: Record<ItemEvent['state'], string> = {
  queued: 'chờ gửi',
  uploading: 'đang tải tệp',
  files_done: 'đã tải xong tệp',
  sent: 'đã gửi hồ sơ',
  acknowledged: 'tỉnh đã nhận',
  needs_attention: 'cần xử lý',
};

const CONNECTIVITY_VI: Record<EngineState['connectivity'], string> = {
  unknown: 'chưa rõ',
  online: 'trực tuyến',
  offline: 'mất kết nối',
  auth_failed: 'bị từ chối đăng nhập',
};

function printSummary(ctx: CliContext, s: SyncStatus): void {
  const connectivity = s.connectivity;
  ctx.print(`Kết nối / Connectivity: ${CONNECTIVITY_VI[connectivity]} (${connectivity})`);
  const problem = s.problem;
  if (problem) ctx.print(`Sự cố / Problem: ${problem.vi}`);
  const counts = s.outbox;
  ctx.print(
    `Hàng đợi / Outbox: ${Object.entries(counts)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}; đã nhận / acknowledged: ${String(s.acknowledged)}`,
  );
  for (const item of s.waiting as Array<{
    MaHoSo: string;
    state: string;
    attention: string | null;
  }>) {
    if (item.attention)
      ctx.print(`  ${item.MaHoSo}: cần xử lý / needs attention — ${item.attention}`);
  }
}

async function withEngine<T>(
  ctx: CliContext,
  run: (engine: SyncEngine, store: Store) => Promise<T>,
  json: boolean,
): Promise<T> {
  const station = await openStationSync(ctx.dataDir(), {
    onItem: json
      ? undefined
      : (e) =>
          ctx.print(
            `${e.code}: ${STATE_VI[e.state]}${e.revision ? ` (phiên bản ${e.revision})` : ''}${e.message ? ` — ${e.message}` : ''}`,
          ),
  });
  try {
    return await run(station.engine, station.store);
  } finally {
    await station.close();
  }
}

function exitCodeFor(s: SyncStatus): number {
  const left = Object.values(s.outbox).reduce((a, b) => a + b, 0);
  if (s.connectivity === 'auth_failed') return 3;
  return left === 0 ? 0 : 4;
}

export const registerSync: RegisterCommands = (program, ctx) => {
  const sync = program
    .command('sync')
    .description(
      'đồng bộ hồ sơ với hệ thống một cửa của tỉnh / sync dossiers with the provincial system',
    )
    .option(
      '--once',
      'gửi đến khi hàng đợi hết hoặc không thể tiếp tục, rồi thoát / drain the outbox once and exit',
    )
    .option('--json', 'machine-readable output')
    .action(async (options: { once?: boolean; json?: boolean }) => {
      await withEngine(
        ctx,
        async (engine, store) => {
          if (options.once) {
            await engine.runUntilIdle();
          } else {
            const stop = new AbortController();
            const onSignal = (): void => stop.abort();
            process.once('SIGINT', onSignal);
            process.once('SIGTERM', onSignal);
            engine.start();
            if (!options.json) ctx.print('Đang đồng bộ; Ctrl+C để dừng / Syncing; Ctrl+C to stop');
            await new Promise<void>((resolve) =>
              stop.signal.addEventListener('abort', () => resolve(), { once: true }),
            );
            await engine.stop();
          }
          const s = syncStatus(store.db);
          if (options.json) ctx.printJson(s);
          else printSummary(ctx, s);
          process.exitCode = exitCodeFor(s);
        },
        options.json === true,
      );
    });

  sync
    .command('status')
    .description('trạng thái đồng bộ / sync status')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      // `--json` after `status` may be taken by the parent `sync` command's own --json.
      const json = options.json === true || sync.opts<{ json?: boolean }>().json === true;
      const store = await openStore(ctx.dataDir());
      try {
        const s = syncStatus(store.db);
        if (json) ctx.printJson(s);
        else printSummary(ctx, s);
      } finally {
        store.close();
      }
    });

  sync
    .command('login')
    .description(
      'lưu mật khẩu máy trạm (đọc từ stdin) / store the workstation client secret (read from stdin)',
    )
    .action(async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      const secret = z
        .string()
        .trim()
        .min(8)
        .max(512)
        .safeParse(Buffer.concat(chunks).toString('utf8'));
      if (!secret.success) {
        throw invalidInput(
          { vi: 'Mật khẩu máy trạm (stdin)', en: 'client secret (stdin)' },
          secret.error.issues,
        );
      }
      writeClientSecret(ctx.dataDir(), secret.data);
      ctx.print('Đã lưu mật khẩu máy trạm / Client secret stored');
    });

  sync
    .command('retry')
    .description('gửi lại một hồ sơ cần xử lý / queue a dossier needing attention again')
    .argument('<code>', 'MaHoSo')
    .action(async (code: string) => {
      const store = await openStore(ctx.dataDir());
      try {
        const item = new OutboxStore(store.db, Date.now).retry(code);
        if (!item) {
          throw new AppError(
            'NOT_FOUND',
            {
              vi: `Không có hồ sơ ${code} trong hàng đợi đồng bộ.`,
              en: `Dossier ${code} is not in the sync outbox.`,
            },
            { details: { code } },
          );
        }
        ctx.print(`${code}: ${STATE_VI[item.state]}`);
      } finally {
        store.close();
      }
    });
};
