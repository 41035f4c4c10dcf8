/**
 * Turns any page image sharp can read into what the recogniser reads fastest: 8-bit greyscale
 * PGM. Leptonica inside the wasm core decodes PNG/JPEG/TIFF far slower than sharp does natively,
 * and PGM needs no decoding at all; colour carries nothing tesseract uses.
 */
import sharp from 'sharp';
import { AppError } from '../../domain/index.js';

/** A page image: a file path, encoded bytes, or raw pixels. */
export type OcrImage =
  | string
  | Uint8Array
  | { data: Uint8Array; width: number; height: number; channels: 1 | 2 | 3 | 4; dpi?: number };

export interface PreparedImage {
  pgm: Uint8Array;
  width: number;
  height: number;
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
    const header = Buffer.from(`P5\n${info.width} ${info.height}\n255\n`, 'latin1');
    const pgm = new Uint8Array(header.length + data.length);
    pgm.set(header, 0);
    pgm.set(data, header.length);
    return { pgm, width: info.width, height: info.height, dpi };
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

/** sharp reports density in pixels per inch (converted from per-cm/per-metre files); absurd values mean "unknown". */
function densityDpi(density: number | undefined): number | undefined {
  if (density === undefined || !Number.isFinite(density) || density < 20 || density > 4800)
    return undefined;
  return Math.round(density);
}
