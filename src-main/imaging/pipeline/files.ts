/**
 * Processing an image file into a folder: the processed page, its thumbnail and its decision
 * record, plus the summary `sohoa process --json` and the `imaging.process` API method return.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { AppError } from '../../domain/index.js';
import type { ImagingPool } from './pool.js';
import type { PageDecisions } from './process.js';
import type { ProcessingProfile } from './profile.js';
import type { PageResult } from './worker.js';

export interface WrittenPage {
  output: string;
  thumbnail: string;
  decisions: string;
}

export interface ProcessFileSummary {
  /** Skew found in the input: positive when text lines rise to the right. */
  skewDegrees: number;
  /** How far the input is turned clockwise from upright. */
  orientation: 0 | 90 | 180 | 270;
  orientationConfidence: number;
  orientationFlagged: boolean;
  blank: boolean;
  blankScore: number;
  colorMode: 'color' | 'grey' | 'bw';
  outputBytes: number;
  /** Wall-clock milliseconds, reading the file to writing the results. */
  ms: number;
  needsReview: boolean;
  files: WrittenPage;
  decisions: PageDecisions;
}

/** Processes `path` in the pool and writes the results into `outDir` (default: next to the file). */
export async function processFileToDir(
  pool: ImagingPool,
  path: string,
  profile: ProcessingProfile,
  options: { outDir?: string; dpi?: number } = {},
): Promise<ProcessFileSummary> {
  const started = performance.now();
  const source = resolve(path);
  const info = await stat(source).catch(() => undefined);
  if (!info?.isFile()) {
    throw new AppError(
      'NOT_FOUND',
      { vi: `Không tìm thấy tệp ảnh: ${source}`, en: `Image file not found: ${source}` },
      { details: { path: source } },
    );
  }
  const result = await pool.processFile(await readFile(source), profile, options.dpi);
  const files = await writeProcessedPage(
    result,
    resolve(options.outDir ?? dirname(source)),
    source,
  );
  const d = result.decisions;
  return {
    skewDegrees: d.skew.degrees,
    orientation: d.orientation.degrees,
    orientationConfidence: d.orientation.confidence,
    orientationFlagged: d.orientation.flagged,
    blank: d.blank.blank,
    blankScore: d.blank.score,
    colorMode: d.colour.mode,
    outputBytes: d.output.bytes,
    ms: Math.round(performance.now() - started),
    needsReview: d.needsReview,
    files,
    decisions: d,
  };
}

/** Writes `<name>.jpg|.tif`, `<name>.thumb.jpg` and `<name>.json` into `dir` (each via a temp file and rename). */
export async function writeProcessedPage(
  result: PageResult,
  dir: string,
  sourcePath: string,
): Promise<WrittenPage> {
  await mkdir(dir, { recursive: true });
  const name = basename(sourcePath, extname(sourcePath));
  const paths: WrittenPage = {
    output: join(dir, `${name}.${result.output.format === 'jpeg' ? 'jpg' : 'tif'}`),
    thumbnail: join(dir, `${name}.thumb.jpg`),
    decisions: join(dir, `${name}.json`),
  };
  const record = { ...result.decisions, dpiSource: result.dpiSource, g4: result.output.g4 ?? null };
  await atomicWrite(paths.output, result.output.bytes);
  await atomicWrite(paths.thumbnail, result.thumbnail);
  await atomicWrite(paths.decisions, `${JSON.stringify(record, null, 2)}\n`);
  return paths;
}

async function atomicWrite(path: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}
