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
  const [xLo, xHi] = within(m.b * y + m.c, m.a, sw, width);
  const [yLo, yHi] = within(m.e * y + m.f, m.d, sh, width);
  const lo = Math.max(xLo, yLo);
  return [lo, Math.max(lo, Math.min(xHi, yHi))];
}

/** The x in [0, width) for which p0 + dp·x stays within [0, max − 1), a pixel's margin either side. */
function within(p0: number, dp: number, max: number, width: number): [number, number] {
  if (Math.abs(dp) < 1e-12) return p0 < 0 || p0 >= max - 1 ? [0, 0] : [0, width];
  const a = (0 - p0) / dp;
  const b = (max - 1 - p0) / dp;
  return [
    Math.max(0, Math.ceil(Math.min(a, b)) + 1),
    Math.min(width, Math.floor(Math.max(a, b)) - 1),
  ];
}
