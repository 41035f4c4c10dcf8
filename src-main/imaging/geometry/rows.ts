/**
 * Row by row through an affine map: where along an output row the source is fully there, and
 * the source position in 16.16 fixed point, so resampling loops step by integer additions and
 * test no bounds inside the page.
 */
import type { Affine } from './transform.js';

/** 16 fractional bits: across a 40 000-pixel row the accumulated step error stays under a pixel. */
export const FIXED_ONE = 65_536;

/** Source (x, y) of output pixel (x, y) in 16.16 fixed point. */
export function fixedSource(m: Affine, x: number, y: number): { sx: number; sy: number } {
  return {
    sx: Math.round((m.a * x + m.b * y + m.c) * FIXED_ONE),
    sy: Math.round((m.d * x + m.e * y + m.f) * FIXED_ONE),
  };
}

/**
 * The columns [lo, hi) of output row y whose four neighbouring source pixels (the sample's own,
 * right, lower and lower-right) all exist in a `sw` × `sh` source; a pixel's margin on either
 * side keeps the fixed-point steps inside too.
 */
export function interiorColumns(
  m: Affine,
  y: number,
  width: number,
  sw: number,
  sh: number,
): [number, number] {
  let lo = 0;
  let hi = width;
  // source coordinate p(x) = p0 + dp·x must stay within [0, max - 1) to have four neighbours
  const clip = (p0: number, dp: number, max: number): void => {
    if (Math.abs(dp) < 1e-12) {
      if (p0 < 0 || p0 >= max - 1) hi = lo;
      return;
    }
    const a = (0 - p0) / dp;
    const b = (max - 1 - p0) / dp;
    lo = Math.max(lo, Math.ceil(Math.min(a, b)) + 1);
    hi = Math.min(hi, Math.floor(Math.max(a, b)) - 1);
  };
  clip(m.b * y + m.c, m.a, sw);
  clip(m.e * y + m.f, m.d, sh);
  return [lo, Math.max(lo, hi)];
}
