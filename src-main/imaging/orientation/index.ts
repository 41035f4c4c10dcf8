/**
 * Orientation: which way up the sheet went through the scanner (0/90/180/270, clockwise).
 * Tesseract OSD decides on a ~150 dpi grey copy; when it is unsure the page is flagged for the
 * clerk and left as scanned rather than turned on a guess.
 */
import { rawInput } from '../pixels/sharp.js';
import type { RawImage } from '../raw.js';
import { detectOsd } from './osd.js';

export { closeOsd } from './osd.js';

export type Orientation = 0 | 90 | 180 | 270;

export interface OrientationReport {
  /** How far the input is turned clockwise from upright (0 when unknown). */
  degrees: Orientation;
  /** Tesseract's orientation confidence (0 when it found no text to judge by). */
  confidence: number;
  /** Set when the page needs a person to look: low confidence or no text to judge by. */
  flagged: boolean;
  /** Whether the page was turned upright. */
  applied: boolean;
  skipped?: 'no-text' | 'low-confidence' | 'disabled';
}

export interface OrientationOptions {
  /** Below this OSD confidence the page is flagged, not turned (default 3). */
  minConfidence: number;
}

const OSD_DPI = 150;

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
  if (!osd) return { degrees: 0, confidence: 0, flagged: true, applied: false, skipped: 'no-text' };
  const confidence = Math.round(osd.confidence * 100) / 100;
  if (osd.confidence < options.minConfidence) {
    return { degrees: 0, confidence, flagged: true, applied: false, skipped: 'low-confidence' };
  }
  return { degrees: osd.degrees, confidence, flagged: false, applied: osd.degrees !== 0 };
}

/** Undoes a clockwise turn of `degrees`. */
export async function turnUpright(image: RawImage, degrees: Orientation): Promise<RawImage> {
  if (degrees === 0) return image;
  const { data, info } = await rawInput(image)
    .rotate(360 - degrees)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    ...image,
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
  };
}
