/**
 * Grey-level helpers the analysis stages share: luma and the grey histogram. Analysis runs at
 * ~100 dpi; only the final transforms touch full resolution.
 */
import type { RawImage } from '../raw.js';

/** A single-channel plane (luma or a mask), row-major. */
export interface Plane {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Rec.601 luma in integer arithmetic; a grey image is returned as is (no copy). */
export function luma(image: RawImage): Plane {
  const { data, width, height, channels } = image;
  if (channels === 1) return { data, width, height };
  const out = new Uint8Array(width * height);
  for (let p = 0, i = 0; p < out.length; p++, i += channels) {
    out[p] = ((data[i] ?? 0) * 77 + (data[i + 1] ?? 0) * 150 + (data[i + 2] ?? 0) * 29) >> 8;
  }
  return { data: out, width, height };
}

/** The integer factor that brings `dpi` closest to `targetDpi` without going below it by much. */
export function factorFor(dpi: number, targetDpi: number): number {
  return Math.max(1, Math.round(dpi / targetDpi));
}

/**
 * Counts of each grey level over every `every`-th pixel (where `mask` is 0, when given). Four
 * interleaved tallies, summed at the end: paper makes long runs of one level, and a single tally
 * would wait on its own previous increment at every pixel.
 */
export function histogram(plane: Plane, mask?: Uint8Array, every = 1): Uint32Array {
  const d = plane.data;
  const tallies = new Uint32Array(4 * 256);
  const stride = 4 * every;
  const whole = d.length - (d.length % stride);
  if (mask) {
    for (let i = 0; i < whole; i += stride) {
      tallies[d[i]!]! += 1 - mask[i]!;
      tallies[256 + d[i + every]!]! += 1 - mask[i + every]!;
      tallies[512 + d[i + 2 * every]!]! += 1 - mask[i + 2 * every]!;
      tallies[768 + d[i + 3 * every]!]! += 1 - mask[i + 3 * every]!;
    }
    for (let i = whole; i < d.length; i += every) tallies[d[i]!]! += 1 - mask[i]!;
  } else {
    for (let i = 0; i < whole; i += stride) {
      tallies[d[i]!]!++;
      tallies[256 + d[i + every]!]!++;
      tallies[512 + d[i + 2 * every]!]!++;
      tallies[768 + d[i + 3 * every]!]!++;
    }
    for (let i = whole; i < d.length; i += every) tallies[d[i]!]!++;
  }
  const h = new Uint32Array(256);
  for (let v = 0; v < 256; v++)
    h[v] = tallies[v]! + tallies[256 + v]! + tallies[512 + v]! + tallies[768 + v]!;
  return h;
}

/** How many of the counted pixels lie in the grey levels [from, to). */
export function countBetween(hist: Uint32Array, from: number, to: number): number {
  let n = 0;
  for (let v = Math.max(0, from); v < Math.min(256, to); v++) n += hist[v]!;
  return n;
}

/** The grey level below which `fraction` of the counted pixels lie. */
export function percentile(hist: Uint32Array, fraction: number): number {
  let total = 0;
  for (const n of hist) total += n;
  const goal = total * fraction;
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += hist[v] ?? 0;
    if (acc >= goal) return v;
  }
  return 255;
}
