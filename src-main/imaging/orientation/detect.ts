/**
 * Deciding the orientation: the page's own text lines first (milliseconds, see lines.ts);
 * Tesseract OSD on a ~150 dpi grey copy only when the lines leave it unsure; when OSD is unsure
 * too, the page is flagged for the clerk and left as scanned rather than turned on a guess.
 */
import { rawInput } from '../pixels/sharp.js';
import { darkPixels } from '../pixels/view.js';
import type { AnalysisView } from '../pixels/view.js';
import type { RawImage } from '../raw.js';
import { orientationFromLines } from './lines.js';
import type { LineOrientation } from './lines.js';
import { detectOsd } from './osd.js';
import type { OrientationOptions, OrientationReport } from './report.js';

const OSD_DPI = 150;
/** A few letters' worth of dark analysis pixels (100 dpi): less and there is no text to orient by. */
const MIN_DARK_PIXELS = 150;
/** Text-line asymmetry → confidence on the OSD scale (asymmetry 0.15 ↔ 3). */
const LINES_CONFIDENCE_PER_ASYMMETRY = 20;

export interface OrientationDecision {
  report: OrientationReport;
  /** The text-line analysis when it decided (its line search serves deskew too). */
  lines: LineOrientation | null;
}

/** Orientation of `image`, whose analysis view is `view`. */
export async function orientPage(
  image: RawImage,
  view: AnalysisView,
  options: OrientationOptions & { maxSkewDegrees?: number },
): Promise<OrientationDecision> {
  if (darkPixels(view) < MIN_DARK_PIXELS) {
    // nothing dark enough to be writing: Tesseract would find no text either, so spare it the page
    return {
      report: { degrees: 0, confidence: 0, flagged: true, applied: false, skipped: 'no-text' },
      lines: null,
    };
  }
  const lines = orientationFromLines(view, options.maxSkewDegrees);
  if (lines) {
    const confidence = Math.round(lines.asymmetry * LINES_CONFIDENCE_PER_ASYMMETRY * 100) / 100;
    if (confidence >= options.minConfidence) {
      return {
        report: {
          degrees: lines.degrees,
          confidence,
          flagged: false,
          applied: lines.degrees !== 0,
          method: 'text-lines',
        },
        lines,
      };
    }
  }
  return { report: await detectOrientation(image, options), lines: null };
}

/** Tesseract OSD alone (no text-line shortcut). */
export async function detectOrientation(
  image: RawImage,
  options: OrientationOptions,
): Promise<OrientationReport> {
  const scale = Math.min(1, OSD_DPI / image.dpi);
  const png = await rawInput(image)
    .greyscale()
    .resize(Math.max(1, Math.round(image.width * scale)))
    .withMetadata({ density: Math.round(image.dpi * scale) })
    .png({ compressionLevel: 1 })
    .toBuffer();
  const osd = await detectOsd(png);
  const method = 'osd';
  if (!osd)
    return { degrees: 0, confidence: 0, flagged: true, applied: false, skipped: 'no-text', method };
  const confidence = Math.round(osd.confidence * 100) / 100;
  if (osd.confidence < options.minConfidence) {
    return {
      degrees: 0,
      confidence,
      flagged: true,
      applied: false,
      skipped: 'low-confidence',
      method,
    };
  }
  return { degrees: osd.degrees, confidence, flagged: false, applied: osd.degrees !== 0, method };
}
