/**
 * Skew by projection profiles. Ink points are projected onto the axis perpendicular to a candidate
 * text-line direction; when the direction matches the lines, the profile alternates sharply
 * between full rows (lines) and empty rows (leading), which the sum of squared differences of
 * neighbouring bins rewards. Bins are filled with linear weights so the criterion is smooth in
 * the angle and a parabola through the best three samples lands between them. The profiles are
 * filled and scored in the kernels (a sweep is one call).
 */
import { lineProfileOf, profileScoresOf } from '../kernels/index.js';
import type { ProfileSpec } from '../kernels/index.js';

export interface InkPoints {
  /** Pixel coordinates on the analysis view. */
  xs: Int32Array;
  ys: Int32Array;
  count: number;
  width: number;
  height: number;
}

/**
 * Fixed-point bits of sin and cos (an angle to within 0.002°; coordinates up to 40 000 fit in 31
 * bits); the kernel (native/kernels/assembly/profiles.ts) uses the same, with bin weights in
 * 256ths of a point.
 */
const TRIG_BITS = 14;

/**
 * Ink projected across lines tilted by `degrees` (positive: rising to the right, in y-down
 * pixels): bin i counts the ink (in 256ths of a point) at distance i (top to bottom) from the top
 * corner of the page. Integer arithmetic, in the kernels.
 */
export function lineProfile(points: InkPoints, degrees: number, step = 1): Int32Array {
  return lineProfileOf(points, across(points, degrees, false), step);
}

/**
 * The profile across lines tilted by `degrees`: from the horizontal, or with `swap` from the
 * vertical (x and y trade places, and so do the page's sides).
 */
function across(points: InkPoints, degrees: number, swap: boolean): ProfileSpec {
  const [width, height] = swap ? [points.height, points.width] : [points.width, points.height];
  const a = (degrees * Math.PI) / 180;
  const sin = Math.round(Math.sin(a) * (1 << TRIG_BITS));
  const cos = Math.round(Math.cos(a) * (1 << TRIG_BITS));
  // r = y·cos + x·sin is constant along a line rising to the right by `degrees`; it goes below
  // zero only when the lines fall (sin < 0), by up to |sin|·width. An offset on rising lines too
  // would push the bottom-right ink past the last bin, where it would be dropped.
  const offset = ((Math.max(0, -sin) * width) >> TRIG_BITS) + 2;
  const bins = Math.ceil(height * Math.cos(a) + Math.abs(Math.sin(a)) * width) + 4;
  return { sin, cos, shifted: offset << TRIG_BITS, bins, swap };
}

/** Criterion for lines tilted by `degrees`: sum of squared differences of neighbouring bins. */
export function profileScore(points: InkPoints, degrees: number, step = 1): number {
  return profileScoresOf(points, [across(points, degrees, false)], step)[0]!;
}

export interface SkewSearch {
  degrees: number;
  /** Best score over the median score of the coarse sweep: ~1 for pages without text lines. */
  peakRatio: number;
}

/** Coarse sweep over ±maxDegrees, then two finer sweeps and a parabolic peak. */
export function searchSkew(points: InkPoints, maxDegrees: number): SkewSearch {
  const coarse = coarseSweep(points, maxDegrees);
  return { degrees: refineSkew(points, coarse.degrees), peakRatio: coarse.peakRatio };
}

/** Points the coarse sweep and the first refinement use: plenty to land within a step. */
const COARSE_POINTS = 12_000;
/** Points the final refinement uses: half the ink of a dense page, enough for 0.01°. */
const FINE_POINTS = 25_000;

/**
 * Every half degree over ±maxDegrees on a thinned point set: the peak to within a step (at
 * 100 dpi a text line's peak is well under a degree wide, so whole degrees can miss it).
 */
function coarseSweep(points: InkPoints, maxDegrees: number): SkewSearch {
  const angles = coarseAngles(maxDegrees);
  const scores = profileScoresOf(
    points,
    angles.map((d) => across(points, d, false)),
    coarseThinning(points),
  );
  return peakOf(angles, [...scores]);
}

/** The coarse sweep of the points across lines running along the page and down it. */
export function coarseSweepsBothWays(
  points: InkPoints,
  maxDegrees: number,
): { horizontal: SkewSearch; vertical: SkewSearch } {
  const angles = coarseAngles(maxDegrees);
  const scores = profileScoresOf(
    points,
    angles.flatMap((d) => [across(points, d, false), across(points, d, true)]),
    coarseThinning(points),
  );
  return {
    horizontal: peakOf(
      angles,
      angles.map((_, k) => scores[2 * k]!),
    ),
    vertical: peakOf(
      angles,
      angles.map((_, k) => scores[2 * k + 1]!),
    ),
  };
}

function coarseThinning(points: InkPoints): number {
  return Math.max(1, Math.floor(points.count / COARSE_POINTS));
}

function coarseAngles(maxDegrees: number): number[] {
  const steps = Math.floor(maxDegrees * 2);
  return Array.from({ length: 2 * steps + 1 }, (_, k) => (k - steps) / 2);
}

/** The best-scoring angle (the first of equals) and how far its score stands above the median. */
function peakOf(angles: number[], scores: number[]): SkewSearch {
  let best = 0;
  for (let k = 1; k < scores.length; k++) if (scores[k]! > scores[best]!) best = k;
  const sorted = [...scores].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1] ?? 1;
  return { degrees: angles[best] ?? 0, peakRatio: median > 0 ? scores[best]! / median : 1 };
}

/** Two finer sweeps around a coarse peak, then a parabola through the best three samples. */
export function refineSkew(points: InkPoints, coarseDegrees: number): number {
  const first = sweep(points, coarseDegrees, 0.5, 0.1, coarseThinning(points));
  const every = Math.max(1, Math.floor(points.count / FINE_POINTS));
  const step = 0.025;
  const fine = sweep(points, first.degrees, 0.1, step, every);
  const l = profileScore(points, fine.degrees - step, every);
  const r = profileScore(points, fine.degrees + step, every);
  const denom = l - 2 * fine.score + r;
  const shift = denom < 0 ? (0.5 * (l - r)) / denom : 0;
  return fine.degrees + Math.max(-1, Math.min(1, shift)) * step;
}

/** The best of the angles centre ± span, `step` apart, scored on every `every`-th point. */
function sweep(
  points: InkPoints,
  centre: number,
  span: number,
  step: number,
  every: number,
): { degrees: number; score: number } {
  const n = Math.round(span / step);
  const angles = Array.from({ length: 2 * n + 1 }, (_, k) => centre + (k - n) * step);
  const scores = profileScoresOf(
    points,
    angles.map((d) => across(points, d, false)),
    every,
  );
  let best = 0;
  for (let k = 1; k < scores.length; k++) if (scores[k]! > scores[best]!) best = k;
  return { degrees: angles[best]!, score: scores[best]! };
}
