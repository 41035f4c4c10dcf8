/**
 * Decoding an image file into raw pixels, defensively: sharp refuses anything over the pixel
 * limit before decoding (decompression bombs) and fails on truncated data instead of returning
 * half a page; every failure becomes an AppError a clerk can read.
 */
import sharp from 'sharp';
import { AppError } from '../../domain/index.js';
import { MAX_PIXELS } from '../raw.js';
import type { RawImage } from '../raw.js';

export interface DecodeOptions {
  /** Refuse images with more pixels than this (default MAX_PIXELS). */
  maxPixels?: number;
  /** Resolution to use instead of the file's. */
  dpi?: number;
}

export interface Decoded {
  image: RawImage;
  /** Where `image.dpi` came from: the file, the caller, or assumed from the sheet size. */
  dpiSource: 'file' | 'given' | 'assumed';
}

const STANDARD_DPI = [150, 200, 240, 300, 400, 600];
const A4_LONG_INCH = 297 / 25.4;

export async function decodeImage(
  bytes: Uint8Array,
  options: DecodeOptions = {},
): Promise<Decoded> {
  const maxPixels = options.maxPixels ?? MAX_PIXELS;
  try {
    const input = sharp(bytes, { limitInputPixels: maxPixels, failOn: 'truncated', page: 0 });
    const meta = await input.metadata();
    const grey = meta.channels !== undefined && meta.channels <= 2;
    let pipeline = input.rotate().removeAlpha();
    pipeline = grey ? pipeline.toColourspace('b-w') : pipeline.toColourspace('srgb');
    const { data, info } = await pipeline
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    const { dpi, source } = resolution(meta.density, info.width, info.height, options.dpi);
    return {
      image: {
        data: new Uint8Array(data.buffer, data.byteOffset, data.length),
        width: info.width,
        height: info.height,
        channels: info.channels === 1 ? 1 : 3,
        dpi,
      },
      dpiSource: source,
    };
  } catch (cause) {
    throw decodeError(cause, bytes.length, maxPixels);
  }
}

function resolution(
  density: number | undefined,
  width: number,
  height: number,
  given?: number,
): { dpi: number; source: Decoded['dpiSource'] } {
  if (given !== undefined) return { dpi: given, source: 'given' };
  // 72 is what most writers put when they know nothing
  if (density !== undefined && density >= 100 && density <= 1200)
    return { dpi: Math.round(density), source: 'file' };
  const estimate = Math.max(width, height) / A4_LONG_INCH;
  const nearest = STANDARD_DPI.reduce(
    (best, d) => (Math.abs(d - estimate) < Math.abs(best - estimate) ? d : best),
    300,
  );
  return { dpi: nearest, source: 'assumed' };
}

function decodeError(cause: unknown, bytes: number, maxPixels: number): AppError {
  const message = cause instanceof Error ? cause.message : String(cause);
  if (/pixel limit/i.test(message)) {
    return new AppError(
      'IMAGE_TOO_LARGE',
      {
        vi: `Ảnh quá lớn (vượt ${Math.round(maxPixels / 1e6)} triệu điểm ảnh); có thể là tệp hỏng hoặc độc hại.`,
        en: `Image too large (over ${Math.round(maxPixels / 1e6)} megapixels); the file may be damaged or malicious.`,
      },
      { cause, details: { bytes, maxPixels } },
    );
  }
  return new AppError(
    'IMAGE_UNREADABLE',
    {
      vi: 'Không đọc được ảnh: tệp bị cắt cụt, hỏng hoặc không phải định dạng ảnh hỗ trợ.',
      en: 'Cannot read the image: the file is truncated, damaged or not a supported image format.',
    },
    { cause, details: { bytes, reason: message } },
  );
}
