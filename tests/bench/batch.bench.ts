/**
 * Bulk job throughput: a generated QR-separated job (SOHOA_BENCH_BATCH_PAGES pages, default 40,
 * in dossiers of 10) run the way `sohoa batch run` does it — landing, separation, store dossiers,
 * then the page pipeline's cleanup and OCR on every core — in pages per minute over the whole job.
 * The anchor, measured in the same run over the same landed pages, is native `tesseract -l vie`
 * in two processes with OMP_THREAD_LIMIT=1 (what two cores give to plain OCR). Memory: peak RSS
 * sampled across the job, the second half over the first half (flat ≈ 1).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { createJob, jobPages, runJob } from '../../src-main/core/batch/index.js';
import { storeService } from '../../src-main/core/dossiers/index.js';
import { createCore } from '../../src-main/core/index.js';
import { pipelineService } from '../../src-main/core/pipeline/index.js';
import { generateJob } from '../batch/fixture.js';
import type { BenchReport } from './report.js';

const exec = promisify(execFile);
const PAGES = Math.max(10, Number(process.env.SOHOA_BENCH_BATCH_PAGES ?? 40));

async function nativeTesseract(files: string[]): Promise<number> {
  const queue = [...files];
  const t = performance.now();
  const worker = async () => {
    for (let f = queue.shift(); f; f = queue.shift())
      await exec('tesseract', [f, 'stdout', '-l', 'vie'], {
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        maxBuffer: 16 * 2 ** 20,
      });
  };
  await Promise.all([worker(), worker()]);
  return files.length / ((performance.now() - t) / 60_000);
}

export async function run(): Promise<BenchReport> {
  const root = mkdtempSync(join(tmpdir(), 'sohoa-bench-batch-'));
  // The throwaway store's data key goes with it, not into the user's keychain folder.
  process.env.SOHOA_KEY_DIR ??= join(root, 'keys');
  const core = createCore({
    dataDir: join(root, 'data'),
    env: { ...process.env, SOHOA_MACHINE_CONFIG: join(root, 'none.json') },
  });
  try {
    const dossiers = Math.ceil(PAGES / 10);
    const job = await generateJob(join(root, 'source'), { leading: 0, dossiers, perDossier: 10 });
    const store = await core.use(storeService);
    const pipeline = await core.use(pipelineService);
    await createJob(
      store,
      { name: 'bench', source: job.dir, MaTTHC: '1.001193', processing: 'ocr' },
      { samplePercent: 5, agency: '000.00.01.H01' },
    );
    const rss: number[] = [];
    const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 250);
    const t = performance.now();
    const status = await runJob(store, 'bench', { pipeline });
    const jobMin = (performance.now() - t) / 60_000;
    clearInterval(sampler);

    // The anchor reads exactly the pages the job landed.
    const pagesDir = join(root, 'pages');
    mkdirSync(pagesDir);
    const files = jobPages(store, 'bench').map((p, i) => {
      const file = join(pagesDir, `${String(i).padStart(5, '0')}.png`);
      writeFileSync(file, store.blobs.read(p.blobSha256));
      return file;
    });
    const nativeRate = await nativeTesseract(files);

    const jobRate = status.pages / jobMin;
    const half = Math.floor(rss.length / 2);
    const peak = (xs: number[]) => Math.max(...xs) / 2 ** 20;
    const growth = peak(rss.slice(half)) / peak(rss.slice(0, half));
    return {
      name: 'batch',
      setup: {
        pages: status.pages,
        dossiers: status.dossiers,
        processed: status.processing.done,
        failed: status.processing.failed,
        page: '900x1270 px, 150 dpi PNG',
        workers: core.config.pipeline.workers || 'one per core',
        rssSamples: rss.length,
      },
      figures: [
        {
          name: 'batch run: land + separate + cleanup + OCR',
          value: jobRate,
          unit: 'pages/min',
        },
        {
          name: 'anchor: 2 native tesseract -l vie, OMP_THREAD_LIMIT=1',
          value: nativeRate,
          unit: 'pages/min',
        },
        { name: 'batch run / native tesseract', value: jobRate / nativeRate, unit: 'x' },
        { name: 'peak RSS first half of the job', value: peak(rss.slice(0, half)), unit: 'MiB' },
        { name: 'peak RSS second half of the job', value: peak(rss.slice(half)), unit: 'MiB' },
        {
          name: 'peak RSS second half / first half',
          value: growth,
          unit: 'x',
          goal: '<= 1.2 (flat)',
          met: growth <= 1.2,
        },
      ],
    };
  } finally {
    await core.close();
    rmSync(root, { recursive: true, force: true });
  }
}
