/**
 * Skew by projection profiles. Ink points are projected onto the axis perpendicular to a candidate
 * text-line direction; when the direction matches the lines, the profile alternates sharply
 * between full rows (lines) and empty rows (leading), which the sum of squared differences of
 * neighbouring bins rewards. Bins are filled with linear weights so the criterion is smooth in
 * the angle and a parabola through the best three samples lands between them.
 */

export interface InkPoints {
  xs: Float32Array;
  ys: Float32Array;
  count: number;
  width: number;
  height: number;
}

/**
 * Ink projected across lines tilted by `degrees` (positive: rising to the right, in y-down
 * pixels): bin i counts the ink at distance i (top to bottom) from the top corner of the page.
 */
export function lineProfile(points: InkPoints, degrees: number, step = 1): Float64Array {
  const a = (degrees * Math.PI) / 180;
  const sin = Math.sin(a);
  const cos = Math.cos(a);
  // r = y·cos + x·sin is constant along a line rising to the right by `degrees`
  const offset = Math.abs(sin) * points.width + 2;
  const bins = new Float64Array(Math.ceil(points.height * cos + Math.abs(sin) * points.width) + 4);
  const { xs, ys, count } = points;
  for (let i = 0; i < count; i += step) {
    const r = ys[i]! * cos + xs[i]! * sin + offset;
    const r0 = r | 0;
    const f = r - r0;
    bins[r0] = bins[r0]! + 1 - f;
    bins[r0 + 1] = bins[r0 + 1]! + f;
  }
  return bins;
}

/** Criterion for lines tilted by `degrees`: sum of squared differences of neighbouring bins. */
export function profileScore(points: InkPoints, degrees: number, step = 1): number {
  const bins = lineProfile(points, degrees, step);
  let score = 0;
  for (let i = 1; i < bins.length; i++) {
    const d = bins[i]! - bins[i - 1]!;
    score += d * d;
  }
  return score;
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

/** Every half degree over ±maxDegrees on a thinned point set: the peak to within a step. */
export function coarseSweep(points: InkPoints, maxDegrees: number): SkewSearch {
  const coarseStep = 0.5;
  const coarse: number[] = [];
  let best = 0;
  let bestScore = -1;
  // the coarse sweep only has to land within a step of the peak: ~12k points are plenty
  const thin = Math.max(1, Math.floor(points.count / 12_000));
  for (let d = -maxDegrees; d <= maxDegrees + 1e-9; d += coarseStep) {
    const s = profileScore(points, d, thin);
    coarse.push(s);
    if (s > bestScore) {
      bestScore = s;
      best = d;
    }
  }
  const sorted = [...coarse].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1] ?? 1;
  return { degrees: best, peakRatio: median > 0 ? bestScore / median : 1 };
}

/** Two finer sweeps around a coarse peak, then a parabola through the best three samples. */
export function refineSkew(points: InkPoints, coarseDegrees: number): number {
  let centre = coarseDegrees;
  // the 0.1° sweep only has to land within a step too; the last sweep uses every point
  const thin = Math.max(1, Math.floor(points.count / 20_000));
  for (const [span, step, every] of [
    [0.5, 0.1, thin],
    [0.1, 0.02, 1],
  ] as const) {
    let top = centre;
    let topScore = -1;
    for (let d = centre - span; d <= centre + span + 1e-9; d += step) {
      const s = profileScore(points, d, every);
      if (s > topScore) {
        topScore = s;
        top = d;
      }
    }
    centre = top;
  }
  const step = 0.02;
  const l = profileScore(points, centre - step);
  const m = profileScore(points, centre);
  const r = profileScore(points, centre + step);
  const denom = l - 2 * m + r;
  const shift = denom < 0 ? (0.5 * (l - r)) / denom : 0;
  return centre + Math.max(-1, Math.min(1, shift)) * step;
}
