/**
 * Where along an output row the page's map keeps the sample and its right and lower neighbours
 * inside the source, a pixel's margin either side: there the resampling loops step in 16.16
 * fixed point without bounds checks.
 */

/** 16 fractional bits: across a 40 000-pixel row the accumulated step error stays under a pixel. */
export const FIXED_ONE: f64 = 65536;

/** The first x in [0, width) for which p0 + dp·x lies in [0, max − 1) with a pixel's margin. */
export function interiorLow(p0: f64, dp: f64, max: i32): i32 {
  if (Math.abs(dp) < 1e-12) return 0;
  const a = (0 - p0) / dp;
  const b = (<f64>(max - 1) - p0) / dp;
  return <i32>Math.max(0, Math.ceil(Math.min(a, b)) + 1);
}

/** One past the last such x (at most interiorLow when there is none). */
export function interiorHigh(p0: f64, dp: f64, max: i32, width: i32): i32 {
  if (Math.abs(dp) < 1e-12) return p0 < 0 || p0 >= <f64>(max - 1) ? 0 : width;
  const a = (0 - p0) / dp;
  const b = (<f64>(max - 1) - p0) / dp;
  return <i32>Math.min(<f64>width, Math.floor(Math.max(a, b)) - 1);
}
