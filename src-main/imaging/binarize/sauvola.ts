/**
 * Adaptive binarisation (Sauvola): a pixel is ink when it is darker than
 *   T = m · (1 + k · (s / R − 1))
 * with m, s the mean and standard deviation of its neighbourhood. Flat paper (s small) gets
 * T ≈ m·(1−k), so scanner noise and faint bleed-through stay paper; near strokes s is large
 * and T rises towards m, so thin and light strokes stay ink.
 *
 * For speed the statistics are taken over blocks (~1.4 mm, sampled) and a window of 5×5
 * blocks; each pixel uses its block's threshold (ThresholdMap). The cleanup pipeline measures the
 * map on the page as scanned and thresholds while resampling it straight (warped.ts), so the
 * full-resolution page is read once.
 */
import { sauvolaBlockThresholds } from '../kernels/index.js';
import type { Plane } from '../pixels/grey.js';

export interface SauvolaOptions {
  /** Sensitivity k (default 0.3; lower keeps fainter strokes). */
  k: number;
  /** Dynamic range of the standard deviation R (default 128). */
  range: number;
}

export const defaultSauvola: SauvolaOptions = { k: 0.3, range: 128 };

/** Sauvola thresholds per block of a page: pixel (x, y) uses values[(y / block | 0) · columns + (x / block | 0)]. */
export interface ThresholdMap {
  values: Uint8Array;
  block: number;
  columns: number;
  rows: number;
}

/** 1 = ink, 0 = paper, one byte per pixel. */
export function sauvola(
  grey: Plane,
  dpi: number,
  options: SauvolaOptions = defaultSauvola,
): Uint8Array {
  const { data, width, height } = grey;
  const map = sauvolaThresholds(grey, dpi, options);
  const { values, block, columns } = map;
  const ink = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const trow = ((y / block) | 0) * columns;
    let i = y * width;
    for (let bx = 0; bx < columns; bx++) {
      const t = values[trow + bx]!;
      const end = Math.min(width, (bx + 1) * block) + y * width;
      for (; i < end; i++) ink[i] = data[i]! < t ? 1 : 0;
    }
  }
  return ink;
}

/**
 * The per-block thresholds. Statistics come from every fourth row and every other column: a
 * 5×5-block window still holds ~800 samples, and the full-resolution pass this saves is the
 * costliest part of binarising. Computed in the kernels.
 */
export function sauvolaThresholds(
  grey: Plane,
  dpi: number,
  options: SauvolaOptions = defaultSauvola,
): ThresholdMap {
  const block = Math.max(4, Math.round((dpi / 300) * 16));
  return {
    values: sauvolaBlockThresholds(grey, block, options.k, options.range),
    block,
    columns: Math.ceil(grey.width / block),
    rows: Math.ceil(grey.height / block),
  };
}
