/** Projection profiles of ink points and their scores, in the kernels (deskew/projection.ts). */
import { kernels } from './instance.js';

/** Ink point coordinates, x and y of point i at index i. */
export interface PointList {
  xs: Int32Array;
  ys: Int32Array;
  count: number;
}

/** One profile: r = y·cos + x·sin + shifted in fixed point; `swap` trades x and y. */
export interface ProfileSpec {
  sin: number;
  cos: number;
  shifted: number;
  bins: number;
  swap: boolean;
}

const SPEC_INTS = 5;

function placePoints(
  points: PointList,
  ...more: number[]
): { xs: number; ys: number; rest: number[] } {
  const k = kernels();
  const [xs, ys, ...rest] = k.layout(points.count * 4, points.count * 4, ...more);
  k.int32s(xs!, points.count).set(points.xs.subarray(0, points.count));
  k.int32s(ys!, points.count).set(points.ys.subarray(0, points.count));
  return { xs: xs!, ys: ys!, rest: rest as number[] };
}

/** The profile of every `step`-th point. */
export function lineProfileOf(points: PointList, spec: ProfileSpec, step: number): Int32Array {
  const k = kernels();
  const { xs, ys, rest } = placePoints(points, spec.bins * 16);
  const bins = rest[0]!;
  k.exports.lineProfile(
    xs,
    ys,
    points.count,
    step,
    spec.sin,
    spec.cos,
    spec.shifted,
    spec.swap ? 1 : 0,
    bins,
    spec.bins,
  );
  return k.int32s(bins, spec.bins).slice();
}

/** The score of each profile (sum of squared differences of neighbouring bins), one pass each. */
export function profileScoresOf(
  points: PointList,
  specs: readonly ProfileSpec[],
  step: number,
): Float64Array {
  const k = kernels();
  const most = Math.max(0, ...specs.map((s) => s.bins));
  const { xs, ys, rest } = placePoints(
    points,
    specs.length * SPEC_INTS * 4,
    most * 16,
    specs.length * 8,
  );
  const [table, bins, scores] = rest as [number, number, number];
  const ints = k.int32s(table, specs.length * SPEC_INTS);
  specs.forEach((s, i) =>
    ints.set([s.sin, s.cos, s.shifted, s.bins, s.swap ? 1 : 0], i * SPEC_INTS),
  );
  k.exports.profileScores(xs, ys, points.count, step, table, specs.length, bins, scores);
  return k.float64s(scores, specs.length).slice();
}
