/**
 * `sohoa batch create|run|status|report|export|output|qa|rescan`: bulk digitization jobs. `run` lands pages
 * into store dossiers, has the page pipeline process them (unless `--land-only`), shows progress
 * (a bar with pages/min and ETA on a terminal, plain lines otherwise) and can be killed at any
 * moment; running it again continues where it stopped.
 */
import { userInfo } from 'node:os';
import { SingleBar } from 'cli-progress';
import {
  buildReport,
  createJob,
  decideQa,
  exportJob,
  scanIntoJob,
  formatProgress,
  jobStatus,
  qaQueue,
  rescanList,
  runJob,
  targetsFrom,
  writeReportFile,
  type BatchStatus,
  type Progress,
} from '../../core/batch/index.js';
import { storeService } from '../../core/dossiers/index.js';
import { createCore, type Core } from '../../core/index.js';
import { pipelineService } from '../../core/pipeline/index.js';
import { ScanService } from '../../scan/index.js';
import type { Store } from '../../store/index.js';
import type { CliContext, RegisterCommands } from '../context.js';
import { registerBatchOutput } from './batch-output.js';

const SEPARATION_VI = {
  qr: 'mã QR / mã vạch',
  blank: 'tờ trắng phân cách',
  patch: 'tờ phân cách mã patch',
  count: 'số trang cố định',
} as const;

function printStatus(ctx: CliContext, s: BatchStatus): void {
  const sep = s.job.separation;
  ctx.print(`Lô / Job: ${s.job.name} (${s.job.state})`);
  ctx.print(`Nguồn / Source: ${s.job.source} (${s.job.sourceKind})`);
  ctx.print(
    `Thủ tục / Procedure: ${s.job.MaTTHC ?? '—'} · Đơn vị / Agency: ${s.job.agency ?? '—'}`,
  );
  ctx.print(
    `Tách hồ sơ / Separation: ${SEPARATION_VI[sep.kind]} / ${sep.kind}${sep.kind === 'count' ? ` ${sep.pages}` : ''}${sep.kind === 'patch' ? ` ${sep.dossier.join(',')}/${sep.component.join(',')}` : ''}`,
  );
  ctx.print(
    `Tệp / Files: ${s.files.total} (xong/done ${s.files.done}, lỗi/bad ${s.files.bad}, chờ/pending ${s.files.pending})`,
  );
  ctx.print(`Trang / Pages: ${s.pages}`);
  ctx.print(`Hồ sơ / Dossiers: ${s.dossiers}`);
  ctx.print(`Trang chờ xem lại / Review bin pages: ${s.reviewPages}`);
  const p = s.processing;
  ctx.print(
    `Xử lý / Processing: xong/done ${p.done}, lỗi/failed ${p.failed}, chờ/waiting ${p.pending + p.processing}`,
  );
  for (const [flag, n] of Object.entries(s.flags)) ctx.print(`Cờ / Flag ${flag}: ${n}`);
  ctx.print(
    `Kiểm tra / QA: ${s.qa.total} (đạt/accepted ${s.qa.accepted}, quét lại/rejected ${s.qa.rejected}, chờ/open ${s.qa.open})`,
  );
  for (const code of s.repeatedCodes) ctx.print(`Mã lặp lại / Repeated code: ${code}`);
  for (const bad of s.badFiles) {
    const text = ctx.lang() === 'vi' ? bad.vi : bad.en;
    ctx.print(`Tệp lỗi / Bad file [${bad.code}]: ${text}`);
  }
}

/** A number option: given as text, validated (with the rest) by the job schema. */
const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));

async function withStore<T>(ctx: CliContext, fn: (store: Store, core: Core) => Promise<T>) {
  const core = createCore({ dataDir: ctx.dataDir() });
  try {
    return await fn(await core.use(storeService), core);
  } finally {
    await core.close();
  }
}

/** A bar on a terminal; a line a second at most otherwise (logs of a 50,000-page job). */
function progressOutput(): { update(p: Progress): void; stop(): void } {
  if (!process.stderr.isTTY) {
    let last = 0;
    return {
      update(p) {
        const now = Date.now();
        if (now - last < 1000 && p.filesDone < p.filesTotal) return;
        last = now;
        process.stderr.write(`${formatProgress(p)}\n`);
      },
      stop() {},
    };
  }
  const bar = new SingleBar({
    format:
      '{bar} {value}/{total} tệp/files · {pages} trang/pages · {ppm} trang/phút pages/min · còn/ETA {eta_text}',
    stream: process.stderr,
    hideCursor: true,
  });
  let started = false;
  return {
    update(p) {
      const payload = {
        pages: p.pages,
        ppm: p.pagesPerMinute,
        eta_text: formatProgress(p).split('còn/ETA ')[1] ?? '…',
      };
      if (!started) bar.start(p.filesTotal, p.filesDone, payload);
      started = true;
      bar.setTotal(p.filesTotal);
      bar.update(p.filesDone, payload);
    },
    stop: () => started && bar.stop(),
  };
}

export const registerBatch: RegisterCommands = (program, ctx) => {
  const batch = program
    .command('batch')
    .description('lô số hoá hàng loạt / bulk digitization jobs');

  batch
    .command('create')
    .description('tạo lô số hoá / create a job')
    .requiredOption('--name <name>', 'job name')
    .option('--source <dir>', 'folder of TIFF, JPEG, PNG or PDF scans (subfolders included)')
    .option('--scanner <device>', "take pages from this scanner's ADF (see `sohoa devices`)")
    .requiredOption('--procedure <MaTTHC>', 'procedure the dossiers were received under')
    .option('--watch', 'hot folder: take files as they arrive while the job runs')
    .option('--agency <code>', 'receiving agency (default: agency.code)')
    .option(
      '--separator <rule>',
      'qr (dossier code in a QR or barcode), blank (blank separator sheets), patch[:2,3[/T]] (patch-code sheets: types opening a dossier / a component; default batch.patchDossier / batch.patchComponent) or count:N (N pages each)',
      'qr',
    )
    .option(
      '--components <rule>',
      'single (all in the first) or blank (a blank sheet opens the next)',
      'single',
    )
    .option('--processing <mode>', 'ocr (clean and read text) or clean (clean only)', 'ocr')
    .option('--sample <percent>', 'share of pages drawn for QA (default: batch.qaSamplePercent)')
    .option('--unit-level <level>', "the unit's level for targets: province, district or commune")
    .option('--backlog <dossiers>', 'dossiers the unit has to digitize (target denominator)')
    .option('--json', 'machine-readable status')
    .action(
      async (o: {
        name: string;
        source?: string;
        scanner?: string;
        procedure: string;
        watch?: boolean;
        agency?: string;
        separator: string;
        components: string;
        processing: string;
        sample?: string;
        unitLevel?: string;
        backlog?: string;
        json?: boolean;
      }) => {
        await withStore(ctx, async (store, core) => {
          const status = await createJob(
            store,
            {
              name: o.name,
              source: o.scanner ?? o.source,
              sourceKind: o.scanner !== undefined ? 'scanner' : o.watch ? 'hotfolder' : 'folder',
              MaTTHC: o.procedure,
              separator: o.separator,
              components: o.components,
              processing: o.processing,
              ...(o.agency !== undefined ? { agency: o.agency } : {}),
              ...(o.sample !== undefined ? { samplePercent: num(o.sample) } : {}),
              ...(o.unitLevel !== undefined ? { unitLevel: o.unitLevel } : {}),
              ...(o.backlog !== undefined ? { backlog: num(o.backlog) } : {}),
            },
            {
              samplePercent: core.config.batch.qaSamplePercent,
              patch: {
                dossier: core.config.batch.patchDossier,
                component: core.config.batch.patchComponent,
              },
              ...(core.config.agency.code ? { agency: core.config.agency.code } : {}),
            },
          );
          if (o.json) ctx.printJson(status);
          else printStatus(ctx, status);
        });
      },
    );

  batch
    .command('run')
    .description('chạy hoặc chạy tiếp một lô / run or resume a job')
    .argument('<job>', 'job name')
    .option('--land-only', 'land and separate only; pages stay queued for the pipeline')
    .option('--idle-stop <seconds>', 'hot folder: stop after this long without a new file')
    .option('--json', 'machine-readable status at the end')
    .action(async (name: string, o: { landOnly?: boolean; idleStop?: string; json?: boolean }) => {
      await withStore(ctx, async (store, core) => {
        const abort = new AbortController();
        const onInterrupt = () => abort.abort();
        process.once('SIGINT', onInterrupt);
        const progress = progressOutput();
        try {
          const idle = num(o.idleStop);
          const status = await runJob(store, name, {
            signal: abort.signal,
            onProgress: (p) => progress.update(p),
            ...(o.landOnly ? {} : { pipeline: await core.use(pipelineService) }),
            ...(idle !== undefined && Number.isFinite(idle) && idle >= 0
              ? { hotFolder: { idleStopMs: idle * 1000 } }
              : {}),
          });
          progress.stop();
          if (o.json) ctx.printJson(status);
          else printStatus(ctx, status);
        } finally {
          progress.stop();
          process.off('SIGINT', onInterrupt);
        }
      });
    });

  batch
    .command('scan')
    .description('quét một lượt khay ADF vào lô / scan one ADF run into a scanner job')
    .argument('<job>', 'job name')
    .option('--profile <id>', 'scan profile from the configuration')
    .option('--dpi <n>', "resolution (default: the profile's)")
    .option('--land-only', 'land and separate only; pages stay queued for the pipeline')
    .option('--json', 'machine-readable status at the end')
    .action(
      async (
        name: string,
        o: { profile?: string; dpi?: string; landOnly?: boolean; json?: boolean },
      ) => {
        await withStore(ctx, async (store, core) => {
          const abort = new AbortController();
          const onInterrupt = () => abort.abort();
          process.once('SIGINT', onInterrupt);
          const scanner = new ScanService(core.dataDir, () => core.config.scanner);
          const progress = progressOutput();
          try {
            const status = await scanIntoJob(store, name, scanner, {
              signal: abort.signal,
              onProgress: (p) => progress.update(p),
              ...(o.profile !== undefined ? { profile: o.profile } : {}),
              ...(o.dpi !== undefined ? { request: { dpi: Number(o.dpi) } } : {}),
              ...(o.landOnly ? {} : { pipeline: await core.use(pipelineService) }),
            });
            progress.stop();
            if (o.json) return ctx.printJson(status);
            ctx.print(
              status.feederEmpty
                ? `Đã quét ${status.scanned} trang; khay nạp giấy đã hết / Scanned ${status.scanned} page(s); the feeder is empty`
                : `Đã quét ${status.scanned} trang / Scanned ${status.scanned} page(s)`,
            );
            printStatus(ctx, status);
          } finally {
            progress.stop();
            process.off('SIGINT', onInterrupt);
            await scanner.close();
          }
        });
      },
    );

  batch
    .command('status')
    .description('tình trạng một lô / where a job stands')
    .argument('<job>', 'job name')
    .option('--json', 'machine-readable status')
    .action(async (name: string, o: { json?: boolean }) => {
      await withStore(ctx, async (store) => {
        const status = jobStatus(store, name);
        if (o.json) ctx.printJson(status);
        else printStatus(ctx, status);
      });
    });

  batch
    .command('report')
    .description('báo cáo nghiệm thu (CSV hoặc XLSX) / acceptance report (CSV or XLSX)')
    .argument('<job>', 'job name')
    .requiredOption('--out <file>', 'report file, .csv or .xlsx')
    .action(async (name: string, o: { out: string }) => {
      await withStore(ctx, async (store, core) => {
        const report = buildReport(store, name, targetsFrom(core.config.batch));
        await writeReportFile(report, o.out);
        ctx.print(`Đã ghi báo cáo / Report written: ${o.out}`);
      });
    });

  batch
    .command('export')
    .description(
      'xuất mỗi hồ sơ thành thư mục (dossier.json + ảnh trang) / export each dossier as a folder',
    )
    .argument('<job>', 'job name')
    .requiredOption('--out <dir>', 'target folder (dossiers already there are kept)')
    .option('--json', 'machine-readable result')
    .action(async (name: string, o: { out: string; json?: boolean }) => {
      await withStore(ctx, async (store) => {
        const result = exportJob(store, name, o.out);
        if (o.json) return ctx.printJson(result);
        ctx.print(
          `Đã xuất / Exported: ${result.exported.length} hồ sơ/dossiers → ${result.dir} (đã có trước / kept: ${result.kept.length})`,
        );
      });
    });

  registerBatchOutput(batch, ctx, (fn) => withStore(ctx, fn));

  const qa = batch.command('qa').description('kiểm tra chất lượng / quality assurance');
  qa.command('list')
    .description('trang cần kiểm tra / pages to review')
    .argument('<job>', 'job name')
    .option('--filter <which>', 'open, decided or all', 'open')
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'machine-readable list')
    .action(async (name: string, o: { filter: string; limit: string; json?: boolean }) => {
      await withStore(ctx, async (store) => {
        const items = qaQueue(store, {
          name,
          filter: o.filter as 'open',
          limit: num(o.limit) ?? 50,
        });
        if (o.json) return ctx.printJson(items);
        for (const i of items)
          ctx.print(
            `${i.pageId}\t${i.MaHoSo}\tTP/component ${i.component}\t${i.reasons.join(',')}\t${i.decision?.decision ?? ''}`,
          );
      });
    });
  for (const [verb, decision] of [
    ['accept', 'accepted'],
    ['reject', 'rejected'],
  ] as const) {
    qa.command(verb)
      .description(
        decision === 'accepted' ? 'đạt / accept a page' : 'quét lại / reject a page for rescan',
      )
      .argument('<job>', 'job name')
      .argument('<pageId>', 'page id from "qa list"')
      .option('--reviewer <name>', 'who decided (default: the OS user)')
      .option('--note <text>', 'why')
      .action(async (name: string, pageId: string, o: { reviewer?: string; note?: string }) => {
        await withStore(ctx, async (store) => {
          const item = decideQa(store, {
            name,
            pageId: Number(pageId),
            decision,
            reviewer: o.reviewer ?? userInfo().username,
            ...(o.note !== undefined ? { note: o.note } : {}),
          });
          ctx.print(`${item.pageId}: ${item.decision?.decision ?? ''}`);
        });
      });
  }

  batch
    .command('rescan')
    .description('danh sách trang cần quét lại / pages to scan again')
    .argument('<job>', 'job name')
    .option('--json', 'machine-readable list')
    .action(async (name: string, o: { json?: boolean }) => {
      await withStore(ctx, async (store) => {
        const items = rescanList(store, name);
        if (o.json) return ctx.printJson(items);
        for (const i of items)
          ctx.print(
            `${i.MaHoSo}\tTP/component ${i.component}\t${i.path}#${i.filePage}\t${i.note ?? ''}`,
          );
      });
    });
};
