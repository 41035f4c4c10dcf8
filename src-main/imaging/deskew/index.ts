/**
 * Deskew: find the angle of the text lines (projection profiles on the ~100 dpi ink points, see
 * projection.ts); the pipeline turns the page back in its one resampling (geometry/). Photographs and pages without text lines are left alone
 * and say why.
 */
import { analysisView, looksLikePhoto, tones } from '../pixels/view.js';
import type { AnalysisView } from '../pixels/view.js';
import type { RawImage } from '../raw.js';
import { searchSkew } from './projection.js';
import type { InkPoints, SkewSearch } from './projection.js';

export { coarseSweep, lineProfile, refineSkew } from './projection.js';
export type { InkPoints, SkewSearch } from './projection.js';

export interface SkewReport {
  /** Skew found in the input: positive when text lines rise to the right (page turned counter-clockwise). */
  degrees: number;
  /** Whether the page was turned back by `degrees`. */
  applied: boolean;
  /** How clearly text lines stand out (best/median profile score); ~1 means no lines. */
  peakRatio: number;
  skipped?: 'photo' | 'no-text-lines' | 'disabled' | 'below-minimum';
}

export interface DeskewOptions {
  /** Largest skew searched, in degrees (default 20). */
  maxDegrees: number;
  /** Skews smaller than this are reported but not corrected (default 0.05°). */
  minDegrees: number;
}

/** Best over median profile score below which a page has no text lines to go by. */
export const MIN_PEAK_RATIO = 1.6;
export const MIN_INK_POINTS = 400;

export function inkPoints(view: AnalysisView): InkPoints {
  const { plane, bed, levels } = view;
  const threshold = levels.paper - (levels.paper - levels.ink) * 0.5;
  const d = plane.data;
  let count = 0;
  for (let i = 0; i < d.length; i++) if (d[i]! < threshold && bed[i] === 0) count++;
  const xs = new Int32Array(count);
  const ys = new Int32Array(count);
  let n = 0;
  for (let y = 0, i = 0; y < plane.height; y++) {
    for (let x = 0; x < plane.width; x++, i++) {
      if (d[i]! < threshold && bed[i] === 0) {
        xs[n] = x;
        ys[n] = y;
        n++;
      }
    }
  }
  return { xs, ys, count, width: plane.width, height: plane.height };
}

/**
 * The skew of `image` (its analysis `view` when already made). `found` is a line search the
 * orientation stage already ran on the same page, turned upright; it spares repeating it.
 */
export async function estimateSkew(
  image: RawImage,
  options: DeskewOptions,
  view?: AnalysisView,
  found?: SkewSearch,
): Promise<SkewReport> {
  view ??= await analysisView(image);
  if (looksLikePhoto(tones(view)))
    return { degrees: 0, applied: false, peakRatio: 0, skipped: 'photo' };
  if (!found) {
    const points = inkPoints(view);
    if (points.count < MIN_INK_POINTS)
      return { degrees: 0, applied: false, peakRatio: 0, skipped: 'no-text-lines' };
    found = searchSkew(points, options.maxDegrees);
  }
  const degrees = Math.round(found.degrees * 1000) / 1000;
  const peakRatio = Math.round(found.peakRatio * 100) / 100;
  if (found.peakRatio < MIN_PEAK_RATIO)
    return { degrees: 0, applied: false, peakRatio, skipped: 'no-text-lines' };
  if (Math.abs(degrees) < options.minDegrees)
    return { degrees, applied: false, peakRatio, skipped: 'below-minimum' };
  return { degrees, applied: true, peakRatio };
}
