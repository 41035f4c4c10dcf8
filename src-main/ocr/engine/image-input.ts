/**
 * Turns any page image sharp can read into what the recogniser reads fastest: 8-bit greyscale
 * PGM. Leptonica inside the wasm core decodes PNG/JPEG/TIFF far slower than sharp does natively,
 * and PGM needs no decoding at all; colour carries nothing tesseract uses.
 *
 * Pages whose letters are larger than the recogniser needs are scaled down first (sharp, native
 * code): tesseract's LSTM squeezes every text line to a 36-pixel-high input anyway, so the extra
 * pixels only slow down its page layout and thresholding, which run in wasm.
 */
import sharp from 'sharp';
import { AppError } from '../../domain/index.js';
import { medianGlyphHeight } from './text-size.js';

/**
 * Median letter height (px) a page is scaled down to. A text line (accents to descenders) is about
 * 2.2 letter heights, so 17 px keeps lines at or above the LSTM's 36-px input: 12-pt text at
 * 300 dpi (≈ 25 px) is recognised at ≈ 200 dpi, while 8-pt text or 200-dpi scans stay as they are.
 */
const TARGET_GLYPH_PX = 17;
/** Never below half size: page layout needs the gaps between words and lines to stay visible. */
const MIN_SCALE = 0.5;
/** Smaller reductions save less than the resampling costs. */
const MAX_USEFUL_SCALE = 0.9;

/** A page image: a file path, encoded bytes, or raw pixels. */
export type OcrImage =
  | string
  | Uint8Array
  | { data: Uint8Array; width: number; height: number; channels: 1 | 2 | 3 | 4; dpi?: number };

export interface PreparedImage {
  /** The page as recognised: greyscale, possibly scaled down by `scale`. */
  pgm: Uint8Array;
  /** Size of the caller's image (after EXIF rotation); OCR boxes are mapped back to it. */
  width: number;
  height: number;
  /** Recognised pixels per caller pixel (≤ 1). */
  scale: number;
  /** Resolution recorded in the image, if any. */
  dpi: number | undefined;
}

export async function prepareImage(image: OcrImage): Promise<PreparedImage> {
  try {
    const encoded = typeof image === 'string' || image instanceof Uint8Array;
    const input = encoded
      ? sharp(image, { failOn: 'error' })
      : sharp(image.data, {
          raw: { width: image.width, height: image.height, channels: image.channels },
        });
    const dpi = encoded ? densityDpi((await input.metadata()).density) : image.dpi;
    const { data, info } = await input
      .rotate() // honour EXIF orientation from cameras and phone scans
      .flatten({ background: '#ffffff' })
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const scale = recognitionScale(data, info.width, info.height);
    const pgm =
      scale === 1
        ? toPgm(data, info.width, info.height)
        : await scaledPgm(data, info.width, info.height, scale);
    return { pgm, width: info.width, height: info.height, scale, dpi };
  } catch (error) {
    throw new AppError(
      'VALIDATION',
      {
        vi: 'Không đọc được ảnh trang để nhận dạng chữ (tệp hỏng hoặc không phải ảnh).',
        en: 'Cannot read the page image for OCR (corrupt file or not an image).',
      },
      { details: { source: typeof image === 'string' ? image : 'buffer' }, cause: error },
    );
  }
}

function recognitionScale(grey: Uint8Array, width: number, height: number): number {
  const glyph = medianGlyphHeight(grey, width, height);
  if (glyph === undefined) return 1;
  const scale = Math.max(MIN_SCALE, TARGET_GLYPH_PX / glyph);
  return scale > MAX_USEFUL_SCALE ? 1 : scale;
}

async function scaledPgm(
  grey: Uint8Array,
  width: number,
  height: number,
  scale: number,
): Promise<Uint8Array> {
  const { data, info } = await sharp(grey, { raw: { width, height, channels: 1 } })
    .resize(Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)), {
      fit: 'fill',
    })
    .toColourspace('b-w') // sharp would otherwise hand a one-channel input back as sRGB
    .raw()
    .toBuffer({ resolveWithObject: true });
  return toPgm(data, info.width, info.height);
}

function toPgm(grey: Uint8Array, width: number, height: number): Uint8Array {
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1');
  const pgm = new Uint8Array(header.length + grey.length);
  pgm.set(header, 0);
  pgm.set(grey, header.length);
  return pgm;
}

/** sharp reports density in pixels per inch (converted from per-cm/per-metre files); absurd values mean "unknown". */
function densityDpi(density: number | undefined): number | undefined {
  if (density === undefined || !Number.isFinite(density) || density < 20 || density > 4800)
    return undefined;
  return Math.round(density);
}
