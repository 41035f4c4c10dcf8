/**
 * Image cleanup on the labelled fixture set (tests/fixtures/render.ts): real Vietnamese prose
 * and filled forms across ±15° skew, all four orientations, 200/300 dpi, noise, blur, JPEG
 * artefacts, seals, bleed-through, specks, scanner bed; blank pages with the same defects;
 * short-line pages and photographs.
 *
 * Figures: deskew error, orientation accuracy, blank recall and false flags, cleanup CPU time per
 * 300-dpi grey text page on one core (sharp limited to one thread, the wasm kernels run on the
 * calling thread; orientation included, every orientation of the set) with its per-stage
 * breakdown (median and p95), against `unpaper`
 * (Debian) on the same pages in the same run, and output sizes beside a plain JPEG-75 at 200 dpi.
 * A fixed JavaScript loop over a page's worth of bytes, timed in the same run, shows how much
 * the shared machine slows CPU-bound work down.
 *
 * SOHOA_BENCH_PAGES scales the set (text pages; as many blank pages; default 16).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { cleanPage, closeOsd, processPage, resolveProfile } from '../../src-main/imaging/index.js';
import type { RawImage, Stage } from '../../src-main/imaging/index.js';
import { fixtureSet, renderPage } from '../fixtures/render.js';
import type { PageSpec } from '../fixtures/render.js';
import type { BenchReport } from './report.js';
import { median } from './stats.js';

const PER_KIND = Number(process.env.SOHOA_BENCH_PAGES ?? 16);

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
}

/** CPU ms of a fixed loop over 8.7 MB (one 300-dpi A4 grey page): the machine's speed right now. */
function referenceLoopMs(): number {
  const page = new Uint8Array(2480 * 3508);
  for (let i = 0; i < page.length; i++) page[i] = (i * 31) & 255;
  const runs: number[] = [];
  let dark = 0;
  for (let rep = 0; rep < 5; rep++) {
    const cpu = process.cpuUsage();
    for (let i = 0; i < page.length; i++) dark += page[i]! < 128 ? 1 : 0;
    const used = process.cpuUsage(cpu);
    runs.push((used.user + used.system) / 1000);
  }
  return dark > 0 ? median(runs) : Number.NaN;
}

const STAGES = [
  'analysis',
  'orientation',
  'deskew',
  'crop',
  'colour',
  'binarize',
  'warp',
  'clean',
  'blank',
  'encode',
  'thumbnail',
] as const satisfies readonly Stage[];

function greyPgm(image: RawImage): Buffer {
  const grey = new Uint8Array(image.width * image.height);
  for (let p = 0, i = 0; p < grey.length; p++, i += image.channels) {
    grey[p] =
      image.channels === 1
        ? image.data[i]!
        : (image.data[i]! * 77 + image.data[i + 1]! * 150 + image.data[i + 2]! * 29) >> 8;
  }
  return Buffer.concat([Buffer.from(`P5\n${image.width} ${image.height}\n255\n`), grey]);
}

export async function run(): Promise<BenchReport> {
  sharp.concurrency(1);
  const work = mkdtempSync(join(tmpdir(), 'sohoa-imaging-bench-'));
  const specs: PageSpec[] = [
    ...fixtureSet(PER_KIND, 500),
    { kind: 'short', seed: 901, dpi: 300, noise: 4, specks: 30, bleedThrough: true },
    { kind: 'short', seed: 902, dpi: 200, noise: 2, jpegQuality: 75, skewDegrees: 2 },
    { kind: 'photo', seed: 903, dpi: 200 },
  ];
  const counter = resolveProfile('counter');
  const anchorBefore = referenceLoopMs();

  const skewErrors: number[] = [];
  let orientationRight = 0;
  let orientationTotal = 0;
  let blankFlagged = 0;
  let blankTotal = 0;
  let nonBlankFlagged = 0;
  let nonBlankTotal = 0;
  const cleanupMs: number[] = [];
  const cleanupCpuMs: number[] = [];
  const unpaperCpuMs: number[] = [];
  const cleanupEncodeMs: number[] = [];
  const stageCpu = new Map<Stage, number[]>(STAGES.map((stage) => [stage, []]));
  let osdFallbacks = 0;
  const unpaperMs: number[] = [];
  const bwKb: number[] = [];
  const colourKb: number[] = [];
  const baselineKb: number[] = [];

  try {
    for (const [n, spec] of specs.entries()) {
      const page = await renderPage(spec);
      const { truth } = page;
      const result = await processPage(
        { ...page.image, data: new Uint8Array(page.image.data) },
        counter,
      );
      const d = result.decisions;
      if (truth.hasText && spec.kind !== 'short') {
        skewErrors.push(Math.abs(d.skew.degrees - truth.skewDegrees));
        orientationTotal++;
        if (d.orientation.degrees === truth.orientation && !d.orientation.flagged)
          orientationRight++;
      }
      if (truth.blank) {
        blankTotal++;
        if (d.blank.blank) blankFlagged++;
      } else {
        nonBlankTotal++;
        if (d.blank.blank) nonBlankFlagged++;
      }
      if (truth.hasText && spec.kind !== 'short') {
        if (d.output.format === 'tiff-g4' && d.output.dpi === 300) bwKb.push(d.output.bytes / 1024);
        if (d.output.format === 'jpeg') colourKb.push(d.output.bytes / 1024);
        const scale = 200 / spec.dpi;
        const base = await sharp(page.image.data, {
          raw: {
            width: page.image.width,
            height: page.image.height,
            channels: page.image.channels,
          },
        })
          .resize(Math.round(page.image.width * scale))
          .jpeg({ quality: 75 })
          .toBuffer();
        baselineKb.push(base.length / 1024);
      }
      // timing: 300-dpi text pages in grey, as a grey scanner delivers them, any way up
      if (truth.hasText && spec.kind !== 'short' && spec.dpi === 300) {
        const grey = await sharp(page.image.data, {
          raw: {
            width: page.image.width,
            height: page.image.height,
            channels: page.image.channels,
          },
        })
          .greyscale()
          .raw()
          .toBuffer();
        const greyImage: RawImage = {
          data: new Uint8Array(grey),
          width: page.image.width,
          height: page.image.height,
          channels: 1,
          dpi: 300,
        };
        for (let rep = 0; rep < 2; rep++) {
          const t = performance.now();
          const cleaned = await cleanPage(
            { ...greyImage, data: new Uint8Array(greyImage.data) },
            counter,
          );
          const wall = performance.now() - t;
          const t2 = performance.now();
          const processed = await processPage(
            { ...greyImage, data: new Uint8Array(greyImage.data) },
            counter,
          );
          if (rep === 0) continue; // warm-up
          cleanupMs.push(wall);
          cleanupCpuMs.push(cleaned.decisions.cpuMs.total ?? Number.NaN);
          cleanupEncodeMs.push(performance.now() - t2);
          if (cleaned.decisions.orientation.method === 'osd') osdFallbacks++;
          for (const stage of STAGES) {
            const from = stage === 'encode' || stage === 'thumbnail' ? processed : cleaned;
            stageCpu.get(stage)!.push(from.decisions.cpuMs[stage] ?? 0);
          }
        }
        const pgm = join(work, `p${n}.pgm`);
        writeFileSync(pgm, greyPgm(greyImage));
        const t = performance.now();
        const timed = spawnSync(
          'bash',
          [
            '-c',
            'TIMEFORMAT="%U %S"; time unpaper --overwrite --quiet "$0" "$1" > /dev/null 2>&1',
            pgm,
            join(work, `u${n}.pgm`),
          ],
          { encoding: 'utf8' },
        );
        unpaperMs.push(performance.now() - t);
        const [user, sys] = timed.stderr.trim().split(/\s+/).slice(-2).map(Number);
        unpaperCpuMs.push(((user ?? 0) + (sys ?? 0)) * 1000);
      }
    }
  } finally {
    await closeOsd();
    rmSync(work, { recursive: true, force: true });
  }

  const mae = skewErrors.reduce((a, b) => a + b, 0) / Math.max(1, skewErrors.length);
  const maxErr = Math.max(0, ...skewErrors);
  const orientationAcc = orientationRight / Math.max(1, orientationTotal);
  const recall = blankFlagged / Math.max(1, blankTotal);
  const cleanupCpu = median(cleanupCpuMs);
  const unpaperCpu = median(unpaperCpuMs);
  const anchor = median([anchorBefore, referenceLoopMs()]);
  const stageFigures = [...stageCpu].flatMap(([stage, values]) => [
    { name: `  stage ${stage}: median CPU`, value: median(values), unit: 'ms' },
    { name: `  stage ${stage}: p95 CPU`, value: percentile(values, 0.95), unit: 'ms' },
  ]);
  return {
    name: 'imaging',
    setup: {
      pages: specs.length,
      textPages: orientationTotal,
      blankPages: blankTotal,
      nonBlankPages: nonBlankTotal,
      timedGreyPages300dpi: cleanupMs.length,
      sharpThreads: 1,
      osdFallbacks,
      note: 'cleanup = cleanPage (orientation, deskew, crop, colour, binarize, despeckle, blank; Tesseract OSD only where the text lines leave orientation unsure) on raw grey 300-dpi pixels, hot loops in the wasm kernels on the calling thread; CPU time from process.cpuUsage (per stage: PageDecisions.cpuMs), unpaper CPU from bash time',
    },
    figures: [
      { name: 'deskew mean abs error', value: mae, unit: 'deg', goal: '<= 0.1', met: mae <= 0.1 },
      {
        name: 'deskew max abs error (±15°)',
        value: maxErr,
        unit: 'deg',
        goal: '<= 0.3',
        met: maxErr <= 0.3,
      },
      {
        name: 'orientation correct on text pages',
        value: orientationAcc * 100,
        unit: '%',
        goal: '>= 99',
        met: orientationAcc >= 0.99,
      },
      {
        name: 'blank pages flagged (recall)',
        value: recall * 100,
        unit: '%',
        goal: '>= 95',
        met: recall >= 0.95,
      },
      {
        name: 'non-blank pages flagged blank',
        value: nonBlankFlagged,
        unit: 'pages',
        goal: '= 0',
        met: nonBlankFlagged === 0,
      },
      {
        name: 'cleanup median CPU time, 300-dpi A4 grey, one core',
        value: cleanupCpu,
        unit: 'ms',
        goal: '<= 150',
        met: cleanupCpu <= 150,
      },
      {
        name: 'cleanup p95 CPU time',
        value: percentile(cleanupCpuMs, 0.95),
        unit: 'ms',
      },
      ...stageFigures,
      {
        name: 'reference loop over one page of bytes, CPU (machine speed)',
        value: anchor,
        unit: 'ms',
      },
      {
        name: 'cleanup CPU in reference loops',
        value: cleanupCpu / anchor,
        unit: 'x',
      },
      { name: 'cleanup median wall time (machine shared)', value: median(cleanupMs), unit: 'ms' },
      {
        name: 'cleanup + encode + thumbnail median wall time',
        value: median(cleanupEncodeMs),
        unit: 'ms',
      },
      { name: 'unpaper median CPU time, same pages', value: unpaperCpu, unit: 'ms' },
      { name: 'unpaper median wall time', value: median(unpaperMs), unit: 'ms' },
      {
        name: 'speed vs unpaper (CPU time, unpaper / ours)',
        value: unpaperCpu / cleanupCpu,
        unit: 'x',
        goal: '>= 2',
        met: unpaperCpu / cleanupCpu >= 2,
      },
      {
        name: 'B/W text page 300 dpi, max',
        value: Math.max(0, ...bwKb),
        unit: 'KB',
        goal: '<= 60',
        met: bwKb.length > 0 && Math.max(...bwKb) <= 60,
      },
      { name: 'B/W text page 300 dpi, median', value: median(bwKb), unit: 'KB' },
      {
        name: 'grey/colour page 200 dpi, max',
        value: Math.max(0, ...colourKb),
        unit: 'KB',
        goal: '<= 250',
        met: colourKb.length > 0 && Math.max(...colourKb) <= 250,
      },
      { name: 'grey/colour page 200 dpi, median', value: median(colourKb), unit: 'KB' },
      { name: 'baseline: plain JPEG-75 at 200 dpi, median', value: median(baselineKb), unit: 'KB' },
    ],
  };
}
