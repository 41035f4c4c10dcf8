/**
 * Bulk job throughput, the acceptance's figure: ONE hot-folder job (`sohoa batch run` with a
 * watched folder: landing, QR separation, store dossiers, the page pipeline's cleanup and OCR on
 * every core) over SOHOA_BENCH_PAGES pages (default 2,000 in 150 dossiers, the acceptance job),
 * 300-dpi A4 grey PNG pages typeset from real Vietnamese prose and forms
 * (tests/fixtures/render.ts), the first page of each dossier carrying its MaHoSo in a QR code.
 *
 * The anchor is native `tesseract FILE stdout -l vie` in two processes with OMP_THREAD_LIMIT=1
 * (what two cores give plain OCR) over the same files. The machine is shared and a long run
 * sees its load change, so the two sides are INTERLEAVED: the pages go in chunks of
 * SOHOA_BENCH_CHUNK (default 100; at least 4 chunks) — a chunk is dropped into the job's hot
 * folder and timed until every page of it is landed and processed, then native tesseract reads
 * the same files (the next chunk the other way round). SOHOA_BENCH_ANCHOR_EVERY=n reads only
 * every n-th chunk natively (default 1, every chunk), which cuts the 2,000-page run from ~2.3 h
 * to ~1.8 h at n=2; the ratios then compare the job and native tesseract over those chunks'
 * pages only. Figures: pages/min on each side, their ratio, the median and spread of the
 * per-chunk ratios, and the process's peak RSS per chunk (worker threads included): flat means
 * the last quarter of the chunks peaks no higher than the first quarter (goal <= 1.2x).
 *
 * A chunk's line is appended to bench-results/batch.log as soon as it is measured, so a run of
 * hours that is stopped still leaves its figures. Rendering the pages is not timed.
 */
import { execFile } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import QRCode from 'qrcode';
import sharp, { type OverlayOptions } from 'sharp';
import { createJob, jobPages, jobStatus, runJob } from '../../src-main/core/batch/index.js';
import { storeService } from '../../src-main/core/dossiers/index.js';
import { createCore } from '../../src-main/core/index.js';
import { pipelineService } from '../../src-main/core/pipeline/index.js';
import { dossierCode } from '../batch/fixture.js';
import { encodePage, renderPage } from '../fixtures/render.js';
import type { BenchReport } from './report.js';
import { median } from './stats.js';

const exec = promisify(execFile);
const PAGES = Math.max(20, Number(process.env.SOHOA_BENCH_PAGES ?? 2000));
/** The acceptance job's shape: 2,000 pages in 150 dossiers. */
const DOSSIERS = Math.max(2, Math.round((PAGES * 150) / 2000));
const CHUNK = Math.max(
  5,
  Number(process.env.SOHOA_BENCH_CHUNK ?? Math.min(100, Math.ceil(PAGES / 4))),
);
/** Native tesseract reads every n-th chunk (the first one included). */
const ANCHOR_EVERY = Math.max(1, Number(process.env.SOHOA_BENCH_ANCHOR_EVERY ?? 1));
/** Distinct typeset pages; each bench page is one of them with its own footer (and QR). */
const BASES = Math.min(PAGES, 24);
const DPI = 300;
const LOG = join(
  fileURLToPath(new URL('.', import.meta.url)),
  '..',
  '..',
  'bench-results',
  'batch.log',
);

const mm = (v: number) => Math.round((v / 25.4) * DPI);

function log(line: string): void {
  console.log(line);
  appendFileSync(LOG, `${line}\n`);
}

/** The dossier (1-based) of each page: DOSSIERS runs of near-equal length, in order. */
function dossierOfPage(): number[] {
  return Array.from({ length: PAGES }, (_, i) => Math.floor((i * DOSSIERS) / PAGES) + 1);
}

async function renderBases(): Promise<Buffer[]> {
  const files: Buffer[] = [];
  for (let i = 0; i < BASES; i++) {
    const page = await renderPage({
      kind: i % 3 === 2 ? 'form' : 'prose',
      seed: 500 + i,
      dpi: DPI,
      channels: 1,
      skewDegrees: ((i % 5) - 2) * 0.6,
      noise: 3,
    });
    files.push(await encodePage(page.image, 'png'));
  }
  return files;
}

/**
 * `png` with a text chunk naming the page, so no two pages of the job are the same bytes without
 * re-encoding 8.7 million pixels per page (rendering 2,000 pages that way took ~50 min of the
 * run's wall time).
 */
function withPageNote(png: Buffer, note: string): Buffer {
  const IHDR_END = 8 + 8 + 13 + 4; // signature, then IHDR's length + type, data and CRC
  const typeAndData = Buffer.concat([
    Buffer.from('tEXt'),
    Buffer.from(`Comment\0${note}`, 'latin1'),
  ]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(typeAndData.length - 4);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([
    png.subarray(0, IHDR_END),
    length,
    typeAndData,
    crc,
    png.subarray(IHDR_END),
  ]);
}

/**
 * Page `i` of the job: a base page that says which page it is, and on a dossier's first page
 * also carries a footer line and the dossier code's QR in the left margin (Decree 30 margins
 * leave 30 mm there; the body never reaches it).
 */
async function benchPage(
  base: Buffer,
  i: number,
  dossier: number,
  first: boolean,
): Promise<Buffer> {
  const note = `page ${i + 1} of ${PAGES}, dossier ${dossier}`;
  if (!first) return withPageNote(base, note);
  const footer = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${mm(150)}" height="${mm(8)}">
       <text x="0" y="${mm(5)}" font-family="Liberation Serif" font-size="${mm(3)}">Trang ${i + 1} / ${PAGES} — hồ sơ ${dossier}</text></svg>`,
  );
  const qr = await QRCode.toBuffer(dossierCode(dossier), {
    width: mm(24),
    margin: 2,
    errorCorrectionLevel: 'M',
  });
  const layers: OverlayOptions[] = [
    { input: footer, left: mm(30), top: mm(284) },
    { input: qr, left: mm(3), top: mm(110) },
  ];
  return sharp(base)
    .composite(layers)
    .greyscale()
    .withMetadata({ density: DPI })
    .png({ compressionLevel: 3 })
    .toBuffer();
}

async function nativeTesseract(files: readonly string[]): Promise<void> {
  const queue = [...files];
  const worker = async () => {
    for (let f = queue.shift(); f; f = queue.shift())
      await exec('tesseract', [f, 'stdout', '-l', 'vie'], {
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        maxBuffer: 16 * 2 ** 20,
      });
  };
  await Promise.all([worker(), worker()]);
}

interface Chunk {
  pages: number;
  jobMin: number;
  /** Undefined on a chunk native tesseract does not read (SOHOA_BENCH_ANCHOR_EVERY). */
  nativeMin: number | undefined;
  peakRssMiB: number;
  /** The main thread's JS heap and its buffers outside it, once the chunk is processed: with
   * RSS they tell a leak in our code from native memory (wasm heaps, malloc arenas). */
  heapUsedMiB: number;
  externalMiB: number;
}

export async function run(): Promise<BenchReport> {
  const root = mkdtempSync(join(tmpdir(), 'sohoa-bench-batch-'));
  mkdirSync(join(LOG, '..'), { recursive: true });
  // The throwaway store's data key goes with it, not into the user's keychain folder.
  process.env.SOHOA_KEY_DIR ??= join(root, 'keys');
  const core = createCore({
    dataDir: join(root, 'data'),
    env: { ...process.env, SOHOA_MACHINE_CONFIG: join(root, 'none.json') },
  });
  const stop = new AbortController();
  let running: Promise<unknown> | undefined;
  try {
    log(
      `== batch bench ${new Date().toISOString()}: ${PAGES} pages, ${DOSSIERS} dossiers, chunks of ${CHUNK}, 300-dpi A4 grey PNG`,
    );
    const bases = await renderBases();
    const dossierOf = dossierOfPage();
    const hot = join(root, 'hot');
    const staging = join(root, 'staging');
    mkdirSync(hot);
    mkdirSync(staging);
    const store = await core.use(storeService);
    const pipeline = await core.use(pipelineService);
    await createJob(
      store,
      {
        name: 'bench',
        source: hot,
        sourceKind: 'hotfolder',
        MaTTHC: '1.001193',
        processing: 'ocr',
      },
      { samplePercent: 5, agency: '000.00.01.H01' },
    );
    running = runJob(store, 'bench', {
      pipeline,
      signal: stop.signal,
      hotFolder: { pollMs: 250, settleMs: 500 },
    });
    running.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile

    const chunks: Chunk[] = [];
    for (let start = 0, k = 0; start < PAGES; start += CHUNK, k++) {
      const end = Math.min(PAGES, start + CHUNK);
      const names: string[] = [];
      for (let i = start; i < end; i++) {
        const name = `p${String(i + 1).padStart(5, '0')}.png`;
        const dossier = dossierOf[i] as number;
        const png = await benchPage(
          bases[i % BASES] as Buffer,
          i,
          dossier,
          dossierOf[i - 1] !== dossier,
        );
        writeFileSync(join(staging, name), png);
        names.push(name);
      }
      const timeJob = async () => {
        let peak = process.memoryUsage().rss;
        const sampler = setInterval(() => {
          peak = Math.max(peak, process.memoryUsage().rss);
        }, 250);
        const t = performance.now();
        // Renamed in whole, as a scanner's spool does: the watcher never sees half a file.
        for (const name of names) renameSync(join(staging, name), join(hot, name));
        for (;;) {
          const status = jobStatus(store, 'bench');
          const settled = status.processing.done + status.processing.failed;
          if (status.pages === end && settled === end) break;
          await sleep(250);
        }
        const jobMin = (performance.now() - t) / 60_000;
        clearInterval(sampler);
        const { heapUsed, external } = process.memoryUsage();
        return {
          jobMin,
          peakRssMiB: peak / 2 ** 20,
          heapUsedMiB: heapUsed / 2 ** 20,
          externalMiB: external / 2 ** 20,
        };
      };
      const timeNative = async (dir: string) => {
        const t = performance.now();
        await nativeTesseract(names.map((n) => join(dir, n)));
        return (performance.now() - t) / 60_000;
      };
      // Alternate which side goes first, so neither always meets the machine in the same state.
      let chunk: Chunk;
      const anchored = k % ANCHOR_EVERY === 0;
      if (!anchored) {
        chunk = { pages: end - start, ...(await timeJob()), nativeMin: undefined };
      } else if ((k / ANCHOR_EVERY) % 2 === 0) {
        const job = await timeJob();
        chunk = { pages: end - start, ...job, nativeMin: await timeNative(hot) };
      } else {
        const nativeMin = await timeNative(staging);
        chunk = { pages: end - start, ...(await timeJob()), nativeMin };
      }
      chunks.push(chunk);
      const jobRate = chunk.pages / chunk.jobMin;
      const native =
        chunk.nativeMin === undefined
          ? 'native not run'
          : `native ${(chunk.pages / chunk.nativeMin).toFixed(1)} pages/min, ratio ${(chunk.nativeMin / chunk.jobMin).toFixed(3)}`;
      log(
        `chunk ${k + 1}/${Math.ceil(PAGES / CHUNK)} pages ${start + 1}-${end}: job ${jobRate.toFixed(1)} pages/min, ${native}, peak RSS ${chunk.peakRssMiB.toFixed(0)} MiB (main thread after: JS heap ${chunk.heapUsedMiB.toFixed(0)} MiB, external ${chunk.externalMiB.toFixed(0)} MiB)`,
      );
    }
    stop.abort();
    const status = (await running) as Awaited<ReturnType<typeof runJob>>;

    // The job must have come out right, or its speed means nothing.
    const landed = jobPages(store, 'bench');
    const misplaced = landed.filter((p, i) => p.dossier !== dossierOf[i]).length;
    if (status.pages !== PAGES || status.dossiers !== DOSSIERS || misplaced > 0)
      throw new Error(
        `bench job came out wrong: ${status.pages}/${PAGES} pages, ${status.dossiers}/${DOSSIERS} dossiers, ${misplaced} pages in the wrong dossier`,
      );

    const sum = (cs: readonly Chunk[], f: (c: Chunk) => number) => cs.reduce((n, c) => n + f(c), 0);
    const jobRate = PAGES / sum(chunks, (c) => c.jobMin);
    const anchoredChunks = chunks.filter(
      (c): c is Chunk & { nativeMin: number } => c.nativeMin !== undefined,
    );
    const anchoredPages = sum(anchoredChunks, (c) => c.pages);
    const anchoredJobRate = anchoredPages / sum(anchoredChunks, (c) => c.jobMin);
    const nativeRate = anchoredPages / anchoredChunks.reduce((n, c) => n + c.nativeMin, 0);
    const ratios = anchoredChunks.map((c) => c.nativeMin / c.jobMin);
    const quarter = Math.max(1, Math.floor(chunks.length / 4));
    const peakOf = (cs: Chunk[]) => Math.max(...cs.map((c) => c.peakRssMiB));
    const firstPeak = peakOf(chunks.slice(0, quarter));
    const lastPeak = peakOf(chunks.slice(-quarter));
    const growth = lastPeak / firstPeak;
    log(
      `total: job ${jobRate.toFixed(1)} pages/min over ${PAGES} pages; over the ${anchoredPages} pages native read: job ${anchoredJobRate.toFixed(1)}, native ${nativeRate.toFixed(1)} pages/min, ratio ${(anchoredJobRate / nativeRate).toFixed(3)}; peak RSS last/first quarter ${growth.toFixed(3)}`,
    );
    return {
      name: 'batch',
      setup: {
        pages: status.pages,
        dossiers: status.dossiers,
        processed: status.processing.done,
        failed: status.processing.failed,
        chunks: chunks.length,
        chunkPages: CHUNK,
        nativeReadPages: anchoredPages,
        page: '2480x3508 px, 300 dpi A4 grey PNG (prose and forms, ±1.2° skew, noise)',
        workers: core.config.pipeline.workers || 'one per core',
        perChunkRatio: ratios.map((r) => Number(r.toFixed(3))),
        perChunkPeakRssMiB: chunks.map((c) => Math.round(c.peakRssMiB)),
        perChunkHeapUsedMiB: chunks.map((c) => Math.round(c.heapUsedMiB)),
        perChunkExternalMiB: chunks.map((c) => Math.round(c.externalMiB)),
      },
      figures: [
        {
          name: 'hot-folder job: land + separate + cleanup + OCR',
          value: jobRate,
          unit: 'pages/min',
        },
        {
          name: 'the job, on the pages native tesseract read',
          value: anchoredJobRate,
          unit: 'pages/min',
        },
        {
          name: 'anchor: 2 native tesseract -l vie, OMP_THREAD_LIMIT=1',
          value: nativeRate,
          unit: 'pages/min',
        },
        {
          name: 'job / native tesseract, same pages',
          value: anchoredJobRate / nativeRate,
          unit: 'x',
        },
        { name: 'job / native tesseract, median chunk', value: median(ratios), unit: 'x' },
        { name: 'job / native tesseract, lowest chunk', value: Math.min(...ratios), unit: 'x' },
        { name: 'job / native tesseract, highest chunk', value: Math.max(...ratios), unit: 'x' },
        { name: 'peak RSS, first quarter of the chunks', value: firstPeak, unit: 'MiB' },
        { name: 'peak RSS, last quarter of the chunks', value: lastPeak, unit: 'MiB' },
        {
          name: 'peak RSS last quarter / first quarter',
          value: growth,
          unit: 'x',
          goal: '<= 1.2 (flat)',
          met: growth <= 1.2,
        },
      ],
    };
  } finally {
    stop.abort();
    await running?.catch(() => undefined);
    await core.close();
    rmSync(root, { recursive: true, force: true });
  }
}
