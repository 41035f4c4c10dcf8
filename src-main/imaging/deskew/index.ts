/**
 * Deskew: find the angle of the text lines (projection profiles on the ~100 dpi ink points, see
 * projection.ts); the pipeline turns the page back in its one resampling (geometry/). Photographs and pages without text lines are left alone
 * and say why.
 */
import { countBetween } from '../pixels/grey.js';
import { analysisView, looksLikePhoto, paperAreaHistogram, tones } from '../pixels/view.js';
import type { AnalysisView } from '../pixels/view.js';
import type { RawImage } from '../raw.js';
import { searchSkew } from './projection.js';
import type { InkPoints, SkewSearch } from './projection.js';

export { coarseSweepsBothWays, lineProfile, refineSkew } from './projection.js';
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

/**
 * Paper-area pixels darker than halfway from the paper to the ink, in reading order, leaving out
 * the dark rim where the sheet meets the scanner bed: that is the sheet's edge (a long straight
 * line, which a blank page's would otherwise pass for a text line), not writing.
 */
export function inkPoints(view: AnalysisView): InkPoints {
  const { plane, bed, levels } = view;
  const { width, height } = plane;
  const threshold = levels.paper - (levels.paper - levels.ink) * 0.5;
  // whole grey levels below the threshold: at most this many points, from the view's histogram
  const most = countBetween(paperAreaHistogram(view), 0, Math.ceil(threshold));
  const xs = new Int32Array(most);
  const ys = new Int32Array(most);
  const d = plane.data;
  let n = 0;
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      if (d[i]! < threshold && bed[i] === 0 && !touchesBed(bed, width, height, x, y)) {
        xs[n] = x;
        ys[n] = y;
        n++;
      }
    }
  }
  return { xs: xs.subarray(0, n), ys: ys.subarray(0, n), count: n, width, height };
}

/** Whether one of the eight neighbours of (x, y) is scanner bed. */
function touchesBed(bed: Uint8Array, width: number, height: number, x: number, y: number): boolean {
  for (let yy = Math.max(0, y - 1); yy <= Math.min(height - 1, y + 1); yy++) {
    for (let xx = Math.max(0, x - 1); xx <= Math.min(width - 1, x + 1); xx++)
      if (bed[yy * width + xx] === 1) return true;
  }
  return false;
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
  view ??= analysisView(image);
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
