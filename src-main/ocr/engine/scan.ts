/**
 * One scanned file through recognition the way a page from the scanner goes: decoded, handed to
 * the caller's cleanup (orientation, deskew, border removal live in imaging, a layer above this
 * one, so they come in as a function), then recognised. `sohoa ocr`, the API and the benchmark
 * all use this one path.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { AppError } from '../../domain/index.js';
import type { OcrPage } from '../result/page.js';
import type { OcrEngine } from './ocr-engine.js';

/** Decoded page pixels (structurally the imaging layer's RawImage). */
export interface ScanPixels {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 1 | 3 | 4;
  dpi: number;
}

export interface ScanOptions<R extends { image: ScanPixels }> {
  /** Cleanup before recognition; omitted = recognise the file as it is (`--raw`). */
  prepare?: (pixels: ScanPixels) => Promise<R>;
  /** Resolution when the file records none (or a wrong one). */
  dpi?: number | undefined;
  /** Names the file in error messages. */
  source: string;
}

export async function recognizeScan<R extends { image: ScanPixels }>(
  engine: OcrEngine,
  bytes: Uint8Array,
  options: ScanOptions<R>,
): Promise<{ page: OcrPage; cleanup: R | null }> {
  const { prepare, dpi, source } = options;
  if (!prepare)
    return { page: await engine.recognize(bytes, dpi === undefined ? {} : { dpi }), cleanup: null };
  const cleanup = await prepare(await decode(bytes, source, dpi));
  const page = await engine.recognize(cleanup.image, { dpi: cleanup.image.dpi });
  return { page, cleanup };
}

async function decode(
  bytes: Uint8Array,
  source: string,
  dpi: number | undefined,
): Promise<ScanPixels> {
  try {
    const input = sharp(bytes, { failOn: 'error' });
    const meta = await input.metadata();
    const { data, info } = await input
      .rotate()
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const recorded =
      meta.density && meta.density >= 50 && meta.density <= 1200 ? Math.round(meta.density) : 300;
    return {
      data,
      width: info.width,
      height: info.height,
      channels: info.channels === 1 ? 1 : 3,
      dpi: dpi ?? recorded,
    };
  } catch (error) {
    throw new AppError(
      'VALIDATION',
      { vi: `Không đọc được ảnh "${source}".`, en: `Cannot read image "${source}".` },
      { details: { source }, cause: error },
    );
  }
}

/** Reads a page image file, answering a missing or unreadable file with NOT_FOUND. */
export async function readPageFile(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new AppError(
      'NOT_FOUND',
      { vi: `Không mở được tệp ảnh "${path}".`, en: `Cannot open image file "${path}".` },
      { details: { path }, cause: error },
    );
  }
}
