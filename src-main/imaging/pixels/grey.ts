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

export function histogram(plane: Plane, mask?: Uint8Array): Uint32Array {
  const h = new Uint32Array(256);
  const d = plane.data;
  // every other pixel: the levels read from it are percentiles of a million-pixel view
  if (mask) {
    for (let i = 0; i < d.length; i += 2) if (mask[i] === 0) h[d[i]!]!++;
  } else {
    for (let i = 0; i < d.length; i += 2) h[d[i]!]!++;
  }
  return h;
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
