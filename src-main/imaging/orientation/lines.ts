/**
 * Orientation from the text lines themselves, on the ~100 dpi analysis view, in a few
 * milliseconds:
 *
 * - direction: projection profiles across horizontal and across vertical lines (±20°); text
 *   lines stand out in one direction only, which tells 0/180 from 90/270;
 * - which way up: along a text line, ink above the x-height band (ascenders, capitals and, in
 *   Vietnamese, the tone marks and circumflexes stacked on most syllables) far outweighs ink
 *   below the baseline (a few descenders, the dot of "ạ"). Upside down it is the reverse.
 *
 * The asymmetry (−1…1) says how sure that is; pages where it is weak (all capitals, figures,
 * a single short line) go to Tesseract OSD instead.
 */
import {
  coarseSweepsBothWays,
  inkPoints,
  lineProfile,
  MIN_INK_POINTS,
  MIN_PEAK_RATIO,
  refineSkew,
} from '../deskew/index.js';
import type { InkPoints, SkewSearch } from '../deskew/index.js';
import type { AnalysisView } from '../pixels/view.js';
import type { Orientation } from './report.js';

export interface LineOrientation {
  degrees: Orientation;
  /** |ink above the x-height band − ink below the baseline| / their sum, over all lines (0…1). */
  asymmetry: number;
  /** How much more clearly lines stand out in the chosen direction than across it. */
  directionRatio: number;
  /** The text lines of the page once turned upright: their skew and how clearly they show. */
  lines: SkewSearch;
}

/** Lines must stand out this much more in one direction than in the other. */
const MIN_DIRECTION_RATIO = 1.5;
/** A profile bin belongs to a line when it holds more than this share of the fullest bin. */
const LINE_FLOOR = 0.04;
/** The x-height band of a line: its bins holding at least this share of the line's fullest bin. */
const CORE_SHARE = 0.5;

/** Null when the page shows no clear text lines (no text, a photograph, scattered marks). */
export function orientationFromLines(view: AnalysisView, maxDegrees = 20): LineOrientation | null {
  // beyond 40° the two directions' sweeps would overlap
  maxDegrees = Math.min(maxDegrees, 40);
  const points = inkPoints(view);
  if (points.count < MIN_INK_POINTS) return null;
  const across = transpose(points);
  const { horizontal: h, vertical: v } = coarseSweepsBothWays(points, maxDegrees);
  const vertical = v.peakRatio > h.peakRatio;
  const [best, other] = vertical ? [v, h] : [h, v];
  const directionRatio = best.peakRatio / Math.max(1, other.peakRatio);
  if (best.peakRatio < MIN_PEAK_RATIO || directionRatio < MIN_DIRECTION_RATIO) return null;
  const lines = vertical ? across : points;
  const angle = refineSkew(lines, best.degrees);
  const asymmetry = upDownAsymmetry(lineProfile(lines, angle));
  // transposed, a page turned 270° clockwise reads upright (mirrored left to right) and one
  // turned 90° reads upside down (mirrored top to bottom)
  const upright = asymmetry >= 0;
  const degrees: Orientation = vertical ? (upright ? 270 : 90) : upright ? 0 : 180;
  return {
    degrees,
    asymmetry: Math.round(Math.abs(asymmetry) * 1000) / 1000,
    directionRatio: Math.round(directionRatio * 100) / 100,
    // a half turn keeps a line's slope; the transposed frame is a mirror image, which flips it
    lines: { degrees: vertical ? -angle : angle, peakRatio: best.peakRatio },
  };
}

/** Points with x and y swapped: vertical lines become horizontal. */
function transpose(p: InkPoints): InkPoints {
  return { xs: p.ys, ys: p.xs, count: p.count, width: p.height, height: p.width };
}

/**
 * Splits the profile into lines at its gaps; in each, the ink before the x-height band (above
 * it) counts for upright and the ink after it (below the baseline) against.
 */
export function upDownAsymmetry(profile: Int32Array): number {
  let max = 0;
  for (const v of profile) if (v > max) max = v;
  const floor = max * LINE_FLOOR;
  let above = 0;
  let below = 0;
  let i = 0;
  while (i < profile.length) {
    while (i < profile.length && profile[i]! <= floor) i++;
    const start = i;
    let peak = 0;
    while (i < profile.length && profile[i]! > floor) peak = Math.max(peak, profile[i++]!);
    const end = i;
    if (end - start < 3) continue;
    let coreStart = start;
    while (profile[coreStart]! < peak * CORE_SHARE) coreStart++;
    let coreEnd = end - 1;
    while (profile[coreEnd]! < peak * CORE_SHARE) coreEnd--;
    for (let k = start; k < coreStart; k++) above += profile[k]!;
    for (let k = coreEnd + 1; k < end; k++) below += profile[k]!;
  }
  return above + below === 0 ? 0 : (above - below) / (above + below);
}
