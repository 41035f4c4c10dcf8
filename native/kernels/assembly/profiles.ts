/**
 * Projection profiles of ink points, the deskew and orientation search (the host's
 * deskew/projection.ts explains the method). A point at fixed-point distance r from the page's
 * top corner, across lines of a given tilt, is shared between its two bins by how close it lies
 * to each; the profile's score is the sum of squared differences of neighbouring bins.
 */

const TRIG_BITS = 14;
const WEIGHT_BITS = 8;

/**
 * Every `step`-th of `count` points (x at `xs`, y at `ys`, i32) into `bins` (n i32, cleared
 * first), across lines where r = y·cos + x·sin + shifted (fixed point, TRIG_BITS); with `swap`
 * x and y trade places (lines running down the page). `bins` has room for 4·n: neighbouring
 * points (reading order) fall in the same bins, so they are added to four interleaved copies,
 * summed at the end, instead of each waiting on the previous one's store.
 */
export function lineProfile(
  xs: usize,
  ys: usize,
  count: i32,
  step: i32,
  sin: i32,
  cos: i32,
  shifted: i32,
  swap: bool,
  bins: usize,
  n: i32,
): void {
  const copy = (<usize>n) << 2;
  const copies = copy << 2;
  memory.fill(bins, 0, copies);
  const across = swap ? ys : xs;
  const down = swap ? xs : ys;
  const full = 1 << WEIGHT_BITS;
  const stride = (<usize>step) << 2;
  let lane: usize = 0;
  for (let at: usize = 0, end = (<usize>count) << 2; at < end; at += stride) {
    const r = load<i32>(down + at) * cos + load<i32>(across + at) * sin + shifted;
    const f = (r >> (TRIG_BITS - WEIGHT_BITS)) & (full - 1);
    const bin = bins + lane + ((<usize>(r >> TRIG_BITS)) << 2);
    store<i32>(bin, load<i32>(bin) + full - f);
    store<i32>(bin, load<i32>(bin, 4) + f, 4);
    lane += copy;
    if (lane == copies) lane = 0;
  }
  for (let i: usize = 0; i < copy; i += 4) {
    const at = bins + i;
    store<i32>(
      at,
      load<i32>(at) + load<i32>(at + copy) + load<i32>(at + 2 * copy) + load<i32>(at + 3 * copy),
    );
  }
}

/** Sum of squared differences of neighbouring bins (as doubles, in order, like the host's). */
export function profileScore(bins: usize, n: i32): f64 {
  let total: f64 = 0;
  let previous = load<i32>(bins);
  for (let i = 1; i < n; i++) {
    const bin = load<i32>(bins + ((<usize>i) << 2));
    const d = <f64>(bin - previous);
    total += d * d;
    previous = bin;
  }
  return total;
}

/**
 * The scores of `profiles` profiles of the same points: each is five i32 at `specs` (sin, cos,
 * shifted, bin count, swap); `bins` is scratch for four times the largest; the scores go to `scores` (f64).
 */
export function profileScores(
  xs: usize,
  ys: usize,
  count: i32,
  step: i32,
  specs: usize,
  profiles: i32,
  bins: usize,
  scores: usize,
): void {
  for (let p = 0; p < profiles; p++) {
    const spec = specs + <usize>p * 20;
    const n = load<i32>(spec, 12);
    lineProfile(
      xs,
      ys,
      count,
      step,
      load<i32>(spec),
      load<i32>(spec, 4),
      load<i32>(spec, 8),
      load<i32>(spec, 16) != 0,
      bins,
      n,
    );
    store<f64>(scores + ((<usize>p) << 3), profileScore(bins, n));
  }
}
