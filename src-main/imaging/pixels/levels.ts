/**
 * Paper and ink levels of a page, and the scanner-bed mask: dark regions connected to the image
 * edge (a dark ADF background, black copier edges, wedges left by a skewed feed).
 */
import { histogram, percentile } from './grey.js';
import type { Plane } from './grey.js';

export interface Levels {
  /** Typical paper grey (the bright mode of the page). */
  paper: number;
  /** Typical ink grey (dark tail), or a default when the page has almost no ink. */
  ink: number;
}

export function measureLevels(plane: Plane): Levels {
  return levelsOf(levelHistogram(plane));
}

/** The histogram levels are read from: every other pixel, percentiles of a million-pixel view. */
export function levelHistogram(plane: Plane): Uint32Array {
  return histogram(plane, undefined, 2);
}

export function levelsOf(hist: Uint32Array): Levels {
  const paper = Math.max(percentile(hist, 0.6), 64);
  const ink = Math.min(percentile(hist, 0.005), paper - 48);
  return { paper, ink: Math.max(0, ink) };
}

/**
 * A level histogram of `plane` less the pixels it counted under `mask` (1 = leave out). The bed
 * lies in a few runs along the edges, so this is far cheaper than counting the page again.
 */
export function withoutMasked(hist: Uint32Array, plane: Plane, mask: Uint8Array): Uint32Array {
  const out = hist.slice();
  const d = plane.data;
  for (let start = mask.indexOf(1); start !== -1;) {
    let end = mask.indexOf(0, start);
    if (end === -1) end = mask.length;
    // the level histogram counts the even pixels
    for (let i = start + (start & 1); i < end; i += 2) out[d[i]!]!--;
    start = end < mask.length ? mask.indexOf(1, end) : -1;
  }
  return out;
}

/**
 * Marks (1) every pixel darker than `threshold` that is 4-connected to the image border through
 * such pixels. Text never reaches the border of a scanned sheet, a scanner bed always does.
 */
export function bedMask(plane: Plane, threshold: number): Uint8Array {
  const { data, width, height } = plane;
  const mask = new Uint8Array(width * height);
  // pixels waiting for their neighbours to be looked at; most pages have no bed, so it starts
  // small and grows instead of holding a slot for every pixel
  let stack = new Int32Array(4096);
  let top = 0;
  const seed = (i: number): void => {
    if (mask[i] === 0 && data[i]! < threshold) {
      mask[i] = 1;
      if (top === stack.length) {
        const grown = new Int32Array(stack.length * 2);
        grown.set(stack);
        stack = grown;
      }
      stack[top++] = i;
    }
  };
  for (let x = 0; x < width; x++) {
    seed(x);
    seed((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    seed(y * width);
    seed(y * width + width - 1);
  }
  while (top > 0) {
    const i = stack[--top]!;
    const x = i % width;
    if (x > 0) seed(i - 1);
    if (x < width - 1) seed(i + 1);
    if (i >= width) seed(i - width);
    if (i < width * (height - 1)) seed(i + width);
  }
  return mask;
}
