/**
 * OCR and searchable-PDF throughput and accuracy on the labelled fixture set
 * (tests/fixtures/render.ts): Vietnamese prose and filled one-stop-shop forms, skewed ±15°,
 * turned in all four orientations, 200/300 dpi, noise, blur, JPEG artefacts, seals, borders.
 *
 * Figures, all from one run on this machine:
 * - CER of `sohoa ocr` (cleanup + tesseract.js vie+eng, the CLI's own code path, recognizeScan) on the degraded
 *   pages, against native `tesseract -l vie` on the same raw files (the anchor);
 * - CER on clean 300-dpi prose pages (goal ≤ 2%);
 * - share of form pages where both the CCCD and the dossier code are extracted (goal ≥ 95%);
 * - OCR throughput of the tesseract.js pool (2 workers, vie, OcrEngine as shipped: its own page
 *   segmentation default and text-size scaling) against two native `tesseract FILE stdout -l vie`
 *   processes (defaults, OMP_THREAD_LIMIT=1) on the same upright 300-dpi PNG files (goal ≥ 0.8×).
 *   The machine is shared, so the two sides alternate in rounds (A/B, then B/A) and the figure
 *   is the median of the per-round ratios;
 * - whole pipeline (cleanup + OCR + PDF with text layer) in pages per minute of 300-dpi A4
 *   (goal ≥ 20), its CPU seconds per page (all threads, which other work on the machine barely
 *   moves), and the process's peak resident memory (worker threads included).
 *
 * SOHOA_BENCH_PAGES sets the number of degraded text pages (default 8, half of them forms),
 * SOHOA_BENCH_ROUNDS the number of throughput rounds (default 3).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { closeOsd, straighten } from '../../src-main/imaging/index.js';
import { OcrEngine, extractFields, recognizeScan } from '../../src-main/ocr/index.js';
import { assemblePdf } from '../../src-main/pdf/index.js';
import { encodePage, fixtureSet, renderPage } from '../fixtures/render.js';
import type { RenderedPage } from '../fixtures/render.js';
import { cer } from '../ocr/support.js';
import type { BenchReport } from './report.js';
import { median } from './stats.js';

const exec = promisify(execFile);
const PAGES = Number(process.env.SOHOA_BENCH_PAGES ?? 8);
const ROUNDS = Number(process.env.SOHOA_BENCH_ROUNDS ?? 3);
const WORKERS = 2;

async function nativeText(file: string): Promise<string> {
  const { stdout } = await exec('tesseract', [file, 'stdout', '-l', 'vie'], {
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}

/** Pages per minute of `job` over all `files`. */
async function pagesPerMinute(
  files: readonly string[],
  job: () => Promise<unknown>,
): Promise<number> {
  const t = performance.now();
  await job();
  return (files.length / (performance.now() - t)) * 60_000;
}

/** Runs `job` over `items` with at most `width` in flight, in order of start. */
async function pooled<T, R>(
  items: readonly T[],
  width: number,
  job: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await job(items[i] as T);
      }
    }),
  );
  return out;
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

export async function run(): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-ocr-bench-'));
  const dataDir = join(dir, 'data');
  try {
    // the degraded set, each page saved the way a scanner or an import hands it over
    const degradedSpecs = fixtureSet(PAGES).filter((s) => s.kind !== 'blank');
    const degraded: Array<RenderedPage & { file: string }> = [];
    for (const [i, spec] of degradedSpecs.entries()) {
      const page = await renderPage(spec);
      const file = join(dir, `degraded-${i}.${spec.jpegQuality ? 'jpg' : 'png'}`);
      writeFileSync(
        file,
        await encodePage(page.image, spec.jpegQuality ? 'jpeg' : 'png', spec.jpegQuality),
      );
      degraded.push({ ...page, file });
    }
    const clean: Array<RenderedPage & { file: string }> = [];
    for (let i = 0; i < 2; i++) {
      const page = await renderPage({ kind: 'prose', seed: 500 + i, dpi: 300, channels: 1 });
      const file = join(dir, `clean-${i}.png`);
      writeFileSync(file, await encodePage(page.image, 'png'));
      clean.push({ ...page, file });
    }

    // accuracy: sohoa ocr (cleanup + vie+eng) against native tesseract on the same raw files
    const engine = await OcrEngine.start({ dataDir, workers: WORKERS });
    const ours = await pooled(degraded, WORKERS, async (p) =>
      recognizeScan(engine, await readFile(p.file), { prepare: straighten, source: p.file }),
    );
    const native = await pooled(degraded, WORKERS, (p) => nativeText(p.file));
    const ourCer = mean(ours.map((r, i) => cer(r.page.text, degraded[i]?.truth.text ?? '')));
    const nativeCer = mean(native.map((t, i) => cer(t, degraded[i]?.truth.text ?? '')));
    const forms = degraded.map((p, i) => ({ p, r: ours[i] })).filter(({ p }) => p.truth.fields);
    const formsFound = forms.filter(({ p, r }) => {
      const fields = r ? extractFields(r.page) : [];
      return (
        fields.some((f) => f.kind === 'cccd' && f.value === p.truth.fields?.cccd) &&
        fields.some((f) => f.kind === 'dossierCode' && f.value === p.truth.fields?.dossierCode)
      );
    }).length;
    const cleanResults = await pooled(clean, WORKERS, async (p) =>
      recognizeScan(engine, await readFile(p.file), { prepare: straighten, source: p.file }),
    );
    const cleanCer = mean(cleanResults.map((r, i) => cer(r.page.text, clean[i]?.truth.text ?? '')));

    // pipeline: cleanup + OCR + PDF (JPEG page image, text layer) for 300-dpi A4 text pages
    const pipelinePages = [...clean, ...degraded.filter((p) => p.truth.spec.dpi === 300)].slice(
      0,
      6,
    );
    const t = performance.now();
    const cpuBefore = process.cpuUsage();
    const built = await pooled(pipelinePages, WORKERS, async (p) => {
      const { page, cleanup } = await recognizeScan(engine, await readFile(p.file), {
        prepare: straighten,
        source: p.file,
      });
      const img = cleanup?.image;
      if (!img) throw new Error('cleanup result missing');
      const jpeg = await sharp(img.data, {
        raw: { width: img.width, height: img.height, channels: img.channels },
      })
        .jpeg({ quality: 80 })
        .withDensity(img.dpi)
        .toBuffer();
      return { image: jpeg, ocr: page };
    });
    const pdf = await assemblePdf(built, { metadata: { title: 'bench' } });
    const pipelineMs = performance.now() - t;
    const pipelineCpu = process.cpuUsage(cpuBefore);
    // CPU seconds of every thread of this process per page: unlike wall time, barely moved by
    // other work on a shared machine
    const pipelineCpuPerPage = (pipelineCpu.user + pipelineCpu.system) / 1e6 / pipelinePages.length;
    writeFileSync(join(dir, 'bench.pdf'), pdf.bytes);
    await engine.close();

    // throughput: the same upright pages through the pool (vie) and through two native processes
    const upright = await Promise.all(
      built.map(async (b, i) => {
        const file = join(dir, `upright-${i}.png`);
        await sharp(b.image)
          .toColourspace('b-w')
          .png({ compressionLevel: 1 })
          .withDensity(300)
          .toFile(file);
        return file;
      }),
    );
    const vie = await OcrEngine.start({ dataDir, languages: 'vie', workers: WORKERS });
    // warm both code paths once, as a long batch would be
    await vie.recognize(upright[0] ?? '');
    await nativeText(upright[0] ?? '');
    const oursRun = (): Promise<number> =>
      pagesPerMinute(upright, () => Promise.all(upright.map((f) => vie.recognize(f))));
    const nativeRun = (): Promise<number> =>
      pagesPerMinute(upright, () => pooled(upright, 2, nativeText));
    const rounds: Array<{ ours: number; native: number }> = [];
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) {
        const ours = await oursRun();
        rounds.push({ ours, native: await nativeRun() });
      } else {
        const native = await nativeRun();
        rounds.push({ ours: await oursRun(), native });
      }
    }
    await vie.close();
    const oursPpm = median(rounds.map((r) => r.ours));
    const nativePpm = median(rounds.map((r) => r.native));
    const ratio = median(rounds.map((r) => r.ours / r.native));
    const pipelinePpm = (pipelinePages.length / pipelineMs) * 60_000;
    const peakMiB = process.resourceUsage().maxRSS / 1024;
    return {
      name: 'ocr',
      setup: {
        degradedPages: degraded.length,
        formPages: forms.length,
        cleanPages: clean.length,
        throughputPages: upright.length,
        pipelinePages: pipelinePages.length,
        workers: WORKERS,
        throughputRounds: rounds.map((r) => ({
          sohoaPpm: round1(r.ours),
          nativePpm: round1(r.native),
          ratio: Math.round((r.ours / r.native) * 1000) / 1000,
        })),
        languages: { sohoa: 'vie+eng (accuracy, pipeline), vie (throughput)', native: 'vie' },
        throughputInput:
          'same upright 300-dpi greyscale PNG files; native: tesseract FILE stdout -l vie (PSM 3, OMP_THREAD_LIMIT=1); sohoa: OcrEngine.recognize(FILE) (tesseract.js PSM 6, scaled to its text size)',
      },
      figures: [
        {
          name: 'CER sohoa ocr, degraded pages',
          value: ourCer * 100,
          unit: '%',
          goal: '<= native',
          met: ourCer <= nativeCer,
        },
        {
          name: 'CER native tesseract -l vie, same raw pages (anchor)',
          value: nativeCer * 100,
          unit: '%',
        },
        {
          name: 'CER sohoa ocr, clean 300-dpi prose',
          value: cleanCer * 100,
          unit: '%',
          goal: '<= 2%',
          met: cleanCer <= 0.02,
        },
        {
          name: 'forms with CCCD and dossier code extracted',
          value: forms.length === 0 ? 0 : (100 * formsFound) / forms.length,
          unit: '%',
          goal: '>= 95%',
          met: forms.length > 0 && formsFound / forms.length >= 0.95,
        },
        { name: 'OCR throughput, tesseract.js pool (median)', value: oursPpm, unit: 'pages/min' },
        {
          name: 'OCR throughput, 2 native tesseract (anchor, median)',
          value: nativePpm,
          unit: 'pages/min',
        },
        {
          name: 'OCR throughput ratio (median of rounds)',
          value: ratio,
          unit: 'x',
          goal: '>= 0.8x',
          met: ratio >= 0.8,
        },
        {
          name: 'pipeline cleanup+OCR+PDF, 300-dpi A4',
          value: pipelinePpm,
          unit: 'pages/min',
          goal: '>= 20',
          met: pipelinePpm >= 20,
        },
        {
          name: 'pipeline CPU time per page (all threads)',
          value: pipelineCpuPerPage,
          unit: 's/page',
        },
        {
          name: 'pipeline pages/min 2 free cores sustain at that CPU time',
          value: (2 * 60) / pipelineCpuPerPage,
          unit: 'pages/min',
        },
        { name: 'peak resident memory', value: peakMiB, unit: 'MiB' },
      ],
    };
  } finally {
    await closeOsd();
    rmSync(dir, { recursive: true, force: true });
  }
}
