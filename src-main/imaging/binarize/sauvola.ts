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
import type { Plane } from '../pixels/grey.js';

export interface SauvolaOptions {
  /** Sensitivity k (default 0.3; lower keeps fainter strokes). */
  k: number;
  /** Dynamic range of the standard deviation R (default 128). */
  range: number;
}

export const defaultSauvola: SauvolaOptions = { k: 0.3, range: 128 };

const WINDOW_BLOCKS = 2; // 2 blocks either side: a 5×5-block window
const ROW_STEP = 4;
const COLUMN_STEP = 2;

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
 * costliest part of binarising.
 */
export function sauvolaThresholds(
  grey: Plane,
  dpi: number,
  options: SauvolaOptions = defaultSauvola,
): ThresholdMap {
  const { data, width, height } = grey;
  const block = Math.max(4, Math.round((dpi / 300) * 16));
  const bw = Math.ceil(width / block);
  const bh = Math.ceil(height / block);
  const sum = new Float64Array(bw * bh);
  const sq = new Float64Array(bw * bh);
  const count = new Float64Array(bw * bh);
  for (let y = 0; y < height; y += ROW_STEP) {
    const brow = ((y / block) | 0) * bw;
    const rowStart = y * width;
    for (let bx = 0; bx < bw; bx++) {
      const end = Math.min(width, (bx + 1) * block) + rowStart;
      let s = 0;
      let q = 0;
      let n = 0;
      for (let i = rowStart + bx * block; i < end; i += COLUMN_STEP, n++) {
        const v = data[i]!;
        s += v;
        q += v * v;
      }
      const j = brow + bx;
      sum[j] = sum[j]! + s;
      sq[j] = sq[j]! + q;
      count[j] = count[j]! + n;
    }
  }
  const windowSum = windowSums(sum, bw, bh);
  const windowSq = windowSums(sq, bw, bh);
  const windowCount = windowSums(count, bw, bh);
  const values = new Uint8Array(bw * bh);
  const { k, range } = options;
  for (let j = 0; j < values.length; j++) {
    const n = windowCount[j]!;
    const mean = windowSum[j]! / n;
    const sd = Math.sqrt(Math.max(0, windowSq[j]! / n - mean * mean));
    values[j] = Math.max(0, Math.min(255, Math.round(mean * (1 + k * (sd / range - 1)))));
  }
  return { values, block, columns: bw, rows: bh };
}

/**
 * Each block's total over the window of blocks around it (clipped at the page's edges), as a
 * row pass then a column pass: ten additions a block instead of twenty-five. The totals are
 * whole numbers, exact in either order.
 */
function windowSums(values: Float64Array, columns: number, rows: number): Float64Array {
  const across = new Float64Array(values.length);
  for (let by = 0; by < rows; by++) {
    const row = by * columns;
    for (let bx = 0; bx < columns; bx++) {
      let total = 0;
      const last = Math.min(columns - 1, bx + WINDOW_BLOCKS);
      for (let xx = Math.max(0, bx - WINDOW_BLOCKS); xx <= last; xx++) total += values[row + xx]!;
      across[row + bx] = total;
    }
  }
  const out = new Float64Array(values.length);
  for (let by = 0; by < rows; by++) {
    const last = Math.min(rows - 1, by + WINDOW_BLOCKS);
    for (let yy = Math.max(0, by - WINDOW_BLOCKS); yy <= last; yy++) {
      const from = yy * columns;
      const to = by * columns;
      for (let bx = 0; bx < columns; bx++) out[to + bx] = out[to + bx]! + across[from + bx]!;
    }
  }
  return out;
}
