/**
 * The geometric front of the pipeline, usable on its own (OCR runs it before recognition):
 * orientation → deskew → border removal, each decision reported.
 */
import { removeBorders } from '../crop/index.js';
import type { CropReport } from '../crop/index.js';
import { estimateSkew, rotateBy } from '../deskew/index.js';
import type { SkewReport } from '../deskew/index.js';
import { detectOrientation, turnUpright } from '../orientation/index.js';
import type { OrientationReport } from '../orientation/index.js';
import { analysisView, darkPixels } from '../pixels/view.js';
import type { AnalysisView } from '../pixels/view.js';
import { assertRawImage } from '../raw.js';
import type { RawImage } from '../raw.js';

export interface StraightenOptions {
  orientation: boolean;
  /** OSD confidence below which the page is flagged, not turned. */
  minOrientationConfidence: number;
  deskew: boolean;
  maxSkewDegrees: number;
  minSkewDegrees: number;
  crop: boolean;
}

export const defaultStraightenOptions: StraightenOptions = {
  orientation: true,
  minOrientationConfidence: 3,
  deskew: true,
  maxSkewDegrees: 20,
  minSkewDegrees: 0.05,
  crop: true,
};

/** A few letters' worth of dark analysis pixels (100 dpi): less and there is no text to orient by. */
const MIN_DARK_PIXELS = 150;

export interface StraightenResult {
  image: RawImage;
  /** The analysis view of the returned image (later stages reuse it). */
  view: AnalysisView;
  orientation: OrientationReport;
  skew: SkewReport;
  crop: CropReport | null;
  ms: { orientation: number; deskew: number; crop: number };
}

export async function straighten(
  input: RawImage,
  options: Partial<StraightenOptions> = {},
): Promise<StraightenResult> {
  const opts = { ...defaultStraightenOptions, ...options };
  let image = assertRawImage(input);
  let t = performance.now();
  let view = await analysisView(image);
  let orientation: OrientationReport;
  if (!opts.orientation) {
    orientation = {
      degrees: 0,
      confidence: 0,
      flagged: false,
      applied: false,
      skipped: 'disabled',
    };
  } else if (darkPixels(view) < MIN_DARK_PIXELS) {
    // nothing dark enough to be writing: Tesseract would find no text either, so spare it the page
    orientation = { degrees: 0, confidence: 0, flagged: true, applied: false, skipped: 'no-text' };
  } else {
    orientation = await detectOrientation(image, { minConfidence: opts.minOrientationConfidence });
  }
  if (orientation.applied) {
    image = await turnUpright(image, orientation.degrees);
    view = await analysisView(image);
  }
  const msOrientation = performance.now() - t;

  t = performance.now();
  const skew: SkewReport = opts.deskew
    ? await estimateSkew(
        image,
        { maxDegrees: opts.maxSkewDegrees, minDegrees: opts.minSkewDegrees },
        view,
      )
    : { degrees: 0, applied: false, peakRatio: 0, skipped: 'disabled' };
  if (skew.applied) {
    image = await rotateBy(image, skew.degrees, opts.crop ? 0 : view.levels.paper);
    view = await analysisView(image);
  }
  const msDeskew = performance.now() - t;

  t = performance.now();
  let crop: CropReport | null = null;
  if (opts.crop) {
    const cropped = removeBorders(image, view);
    image = cropped.image;
    crop = cropped.report;
    view = cropped.view;
  }
  const msCrop = performance.now() - t;
  return {
    image,
    view,
    orientation,
    skew,
    crop,
    ms: { orientation: msOrientation, deskew: msDeskew, crop: msCrop },
  };
}
