/**
 * The page pipeline's cost over the work it schedules: N scanned A4 pages (rendered fixtures,
 * 200 dpi JPEG, prose and forms) land in a dossier and go through the durable pipeline (claim,
 * cleanup in the imaging pool, processed image + thumbnail blobs, decisions and flags committed,
 * event), cleanup only. The anchor is the same pages straight through an ImagingPool with the
 * same number of threads and nothing stored, in the same run.
 *
 * Also: how long landing a page (store.addPage, what the scanner waits for) takes while the
 * pipeline is busy, against landing with the pipeline idle — processing must not hold up
 * acquisition — and the process's peak RSS.
 *
 * SOHOA_BENCH_PAGES sets N (default 12).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../../src-main/core/index.js';
import type { Core } from '../../src-main/core/index.js';
import { dossierService, storeService } from '../../src-main/core/dossiers/index.js';
import { pipelineService } from '../../src-main/core/pipeline/index.js';
import { ImagingPool, resolveProfile } from '../../src-main/imaging/index.js';
import { scannedJpeg } from '../pipeline/helpers.js';
import type { BenchReport } from './report.js';
import { median } from './stats.js';

const PAGES = Number(process.env.SOHOA_BENCH_PAGES ?? 12);

export async function run(): Promise<BenchReport> {
  const workers = availableParallelism();
  const scans = await Promise.all(
    Array.from({ length: PAGES }, (_, i) =>
      scannedJpeg({
        kind: i % 2 ? 'prose' : 'form',
        seed: 100 + i,
        dpi: 200,
        skewDegrees: (i % 5) - 2,
      }),
    ),
  );
  let peakRss = process.memoryUsage().rss;
  const sample = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);

  // anchor: cleanup alone, same pages, same (cold) threads, nothing stored
  const pool = new ImagingPool({ threads: workers });
  const profile = resolveProfile('counter');
  const t = performance.now();
  await Promise.all(scans.map((s) => pool.processFile(s.bytes, profile, 200)));
  const anchorMs = performance.now() - t;
  await pool.close();

  // landing with no pipeline at all (a station of its own), as the reference for landing
  const idle = await station(workers, async ({ land }) => scans.map((s) => land(s.bytes).ms));
  const busy = await station(workers, async ({ land, core }) => {
    const pipeline = await core.use(pipelineService);
    const started = performance.now();
    const ids: number[] = [];
    const ms: number[] = [];
    for (const s of scans) {
      const page = land(s.bytes);
      // same tick as the landing: the page is claimed with these options, never without them
      pipeline.enqueue([page.id], { ocr: false });
      ids.push(page.id);
      ms.push(page.ms);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await pipeline.waitFor(ids);
    return { ms, elapsed: performance.now() - started };
  });
  clearInterval(sample);
  const pipelineMs = busy.elapsed;
  const busyMs = median(busy.ms);
  const idleMs = median(idle);
  const ratio = anchorMs / pipelineMs;
  const landing = busyMs / idleMs;
  return {
    name: 'pipeline',
    setup: {
      pages: PAGES,
      workers,
      page: 'A4 200 dpi JPEG (rendered prose and forms, ±2° skew)',
      profile: 'counter, OCR off',
    },
    figures: [
      {
        name: 'pipeline throughput',
        value: Math.round((PAGES / pipelineMs) * 60_000),
        unit: 'pages/min',
      },
      {
        name: 'cleanup alone (anchor) throughput',
        value: Math.round((PAGES / anchorMs) * 60_000),
        unit: 'pages/min',
      },
      {
        name: 'pipeline speed / cleanup alone',
        value: Math.round(ratio * 100) / 100,
        unit: 'x',
        goal: '>= 0.8x',
        met: ratio >= 0.8,
      },
      {
        name: 'landing a page, pipeline idle (median)',
        value: Math.round(idleMs * 10) / 10,
        unit: 'ms',
      },
      {
        name: 'landing a page, pipeline busy (median)',
        value: Math.round(busyMs * 10) / 10,
        unit: 'ms',
      },
      {
        name: 'landing busy / idle',
        value: Math.round(landing * 100) / 100,
        unit: 'x',
        goal: '<= 3x',
        met: landing <= 3,
      },
      { name: 'peak RSS', value: Math.round(peakRss / 2 ** 20), unit: 'MiB' },
    ],
  };
}

interface Station {
  core: Core;
  land(bytes: Buffer): { id: number; ms: number };
}

/** A fresh data directory with one dossier; `land` stores a page as the scanner does. */
async function station<T>(workers: number, fn: (s: Station) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sohoa-bench-pipeline-'));
  const core = createCore({
    dataDir,
    env: { SOHOA_AGENCY_CODE: '000.00.06.H56', SOHOA_PIPELINE_WORKERS: String(workers) },
  });
  try {
    const store = await core.use(storeService);
    const detail = (await core.use(dossierService)).create(
      { MaTTHC: '1.001193', ChuHoSo: 'Nguyễn Văn Đặng', SoDinhDanh: '079203001234' },
      'bench',
    );
    const componentId = detail.components[0]!.id;
    return await fn({
      core,
      land: (bytes) => {
        const started = performance.now();
        const page = store.addPage({ componentId, bytes, mime: 'image/jpeg', dpi: 200 });
        return { id: page.id, ms: performance.now() - started };
      },
    });
  } finally {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
