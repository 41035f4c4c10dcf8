/**
 * Raw pixels: what every imaging stage takes and returns. Rows are packed top to bottom,
 * `channels` interleaved bytes per pixel (1 grey, 3 RGB, 4 RGBA), no row padding.
 */
import { z } from 'zod';
import { AppError } from '../domain/index.js';

export interface RawImage {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 1 | 3 | 4;
  /** Resolution the page was scanned at (pixels per inch, both axes). */
  dpi: number;
}

/** Largest page we accept: A3 at 600 dpi is 70 Mpx; anything far beyond is a bomb or a mistake. */
export const MAX_PIXELS = 120_000_000;

const rawImageSchema = z.object({
  data: z.instanceof(Uint8Array),
  width: z.number().int().min(16).max(40_000),
  height: z.number().int().min(16).max(40_000),
  channels: z.union([z.literal(1), z.literal(3), z.literal(4)]),
  dpi: z.number().min(50).max(1200),
});

/** Checks pixels handed in from outside (API, other capabilities) before any stage reads them. */
export function assertRawImage(value: unknown): RawImage {
  const parsed = rawImageSchema.safeParse(value);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION',
      {
        vi: 'Dữ liệu ảnh không hợp lệ (kích thước, số kênh màu hoặc độ phân giải).',
        en: 'Invalid image pixels (size, channels or resolution).',
      },
      { details: { issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) } },
    );
  }
  const image = parsed.data;
  const expected = image.width * image.height * image.channels;
  if (image.width * image.height > MAX_PIXELS || image.data.length !== expected) {
    throw new AppError(
      'VALIDATION',
      {
        vi: 'Dữ liệu ảnh không khớp kích thước khai báo hoặc ảnh quá lớn.',
        en: 'Image pixel data does not match its declared size, or the image is too large.',
      },
      {
        details: {
          width: image.width,
          height: image.height,
          channels: image.channels,
          bytes: image.data.length,
          expected,
        },
      },
    );
  }
  return image;
}
