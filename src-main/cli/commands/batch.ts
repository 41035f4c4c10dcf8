/**
 * `sohoa batch create --name N --source DIR [--separator qr|blank|count:N]`, `sohoa batch run <job>`,
 * `sohoa batch status <job> [--json]`: bulk digitization jobs. `run` prints progress (pages/min,
 * ETA) on stderr and can be killed at any moment; running it again continues where it stopped.
 */
import {
  createJob,
  formatProgress,
  jobStatus,
  runJob,
  type BatchStatus,
} from '../../core/batch/index.js';
import { openStore } from '../../store/index.js';
import type { CliContext, RegisterCommands } from '../context.js';

const SEPARATION_VI = {
  qr: 'mã QR',
  blank: 'tờ trắng phân cách',
  count: 'số trang cố định',
} as const;

function printStatus(ctx: CliContext, s: BatchStatus): void {
  const sep = s.job.separation;
  ctx.print(`Lô / Job: ${s.job.name} (${s.job.state})`);
  ctx.print(`Nguồn / Source: ${s.job.source}`);
  ctx.print(
    `Tách hồ sơ / Separation: ${SEPARATION_VI[sep.kind]} / ${sep.kind}${sep.kind === 'count' ? ` ${sep.pages}` : ''}`,
  );
  ctx.print(
    `Tệp / Files: ${s.files.total} (xong/done ${s.files.done}, lỗi/bad ${s.files.bad}, chờ/pending ${s.files.pending})`,
  );
  ctx.print(`Trang / Pages: ${s.pages}`);
  ctx.print(`Hồ sơ / Dossiers: ${s.dossiers}`);
  ctx.print(`Trang chờ xem lại / Review bin pages: ${s.reviewPages}`);
  for (const code of s.repeatedCodes) ctx.print(`Mã lặp lại / Repeated code: ${code}`);
  for (const bad of s.badFiles) {
    const text = ctx.lang() === 'vi' ? bad.vi : bad.en;
    ctx.print(`Tệp lỗi / Bad file [${bad.code}]: ${text}`);
  }
}

export const registerBatch: RegisterCommands = (program, ctx) => {
  const batch = program
    .command('batch')
    .description('lô số hoá hàng loạt / bulk digitization jobs');

  batch
    .command('create')
    .description('tạo lô từ một thư mục ảnh quét / create a job from a folder of scans')
    .requiredOption('--name <name>', 'job name')
    .requiredOption(
      '--source <dir>',
      'folder of TIFF, JPEG, PNG or PDF scans (subfolders included)',
    )
    .option(
      '--separator <rule>',
      'qr (dossier code in a QR), blank (blank separator sheets) or count:N (N pages each)',
      'qr',
    )
    .option('--json', 'machine-readable status')
    .action(
      async (options: { name: string; source: string; separator: string; json?: boolean }) => {
        const store = await openStore(ctx.dataDir());
        try {
          const status = await createJob(store, {
            name: options.name,
            source: options.source,
            separator: options.separator,
          });
          if (options.json) ctx.printJson(status);
          else printStatus(ctx, status);
        } finally {
          store.close();
        }
      },
    );

  batch
    .command('run')
    .description('chạy hoặc chạy tiếp một lô / run or resume a job')
    .argument('<job>', 'job name')
    .option('--json', 'machine-readable status at the end')
    .action(async (name: string, options: { json?: boolean }) => {
      const store = await openStore(ctx.dataDir());
      const abort = new AbortController();
      const onInterrupt = () => abort.abort();
      process.once('SIGINT', onInterrupt);
      let last = 0;
      try {
        const status = await runJob(store, name, {
          signal: abort.signal,
          onProgress: (p) => {
            // One line a second at most: a 50,000-page job should not flood the terminal.
            const now = Date.now();
            if (now - last < 1000 && p.filesDone < p.filesTotal) return;
            last = now;
            process.stderr.write(`${formatProgress(p)}\n`);
          },
        });
        if (options.json) ctx.printJson(status);
        else printStatus(ctx, status);
      } finally {
        process.off('SIGINT', onInterrupt);
        store.close();
      }
    });

  batch
    .command('status')
    .description('tình trạng một lô / where a job stands')
    .argument('<job>', 'job name')
    .option('--json', 'machine-readable status')
    .action(async (name: string, options: { json?: boolean }) => {
      const store = await openStore(ctx.dataDir());
      try {
        const status = jobStatus(store, name);
        if (options.json) ctx.printJson(status);
        else printStatus(ctx, status);
      } finally {
        store.close();
      }
    });
};
