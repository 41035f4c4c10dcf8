/**
 * JPEG, PNG and TIFF through sharp. JPEG and PNG pages keep their original bytes (no generation
 * loss); TIFF pages — often multi-page, often CCITT G4 from older scanners — become one lossless
 * PNG each. Every page is fully decoded once first, so a damaged file fails here, with its name,
 * and not later in the pipeline.
 */
import sharp, { type Metadata } from 'sharp';
import type { AcquiredImage } from '../types.js';
import { importErrors } from './errors.js';
import { DEFAULT_IMPORT_DPI, MAX_IMPORT_PIXELS } from './limits.js';
import type { ImportFormat } from './sniff.js';

type Page = Omit<AcquiredImage, 'index'>;

function decoder(bytes: Buffer, page?: number) {
  return sharp(bytes, {
    limitInputPixels: MAX_IMPORT_PIXELS,
    failOn: 'warning',
    ...(page !== undefined ? { page } : {}),
  });
}

async function checkedMeta(file: string, bytes: Buffer, page?: number): Promise<Metadata> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, {
      limitInputPixels: false,
      ...(page !== undefined ? { page } : {}),
    }).metadata();
  } catch (error) {
    throw importErrors.corrupt(
      file,
      (error as Error).message,
      page !== undefined ? page + 1 : undefined,
    );
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width * height > MAX_IMPORT_PIXELS)
    throw importErrors.tooLarge(file, width, height, MAX_IMPORT_PIXELS);
  return meta;
}

function dpiOf(meta: Metadata): number {
  // density is pixels per inch when the file states a unit; some writers leave 72 as a placeholder
  return meta.density && meta.density >= 100 ? Math.round(meta.density) : DEFAULT_IMPORT_DPI;
}

export async function* imagePages(
  file: string,
  bytes: Buffer,
  format: Exclude<ImportFormat, 'pdf'>,
): AsyncGenerator<Page> {
  const first = await checkedMeta(file, bytes);
  const count = format === 'tiff' ? (first.pages ?? 1) : 1;
  for (let page = 0; page < count; page++) {
    const meta = page === 0 ? first : await checkedMeta(file, bytes, page);
    const pageOption = format === 'tiff' ? page : undefined;
    let png: Buffer | undefined;
    try {
      if (format === 'tiff')
        png = await decoder(bytes, pageOption).png({ compressionLevel: 3 }).toBuffer();
      else await decoder(bytes).raw().toBuffer({ resolveWithObject: false });
    } catch (error) {
      throw importErrors.corrupt(
        file,
        (error as Error).message,
        format === 'tiff' ? page + 1 : undefined,
      );
    }
    yield {
      mime: png ? 'image/png' : format === 'jpeg' ? 'image/jpeg' : 'image/png',
      bytes: png ?? bytes,
      width: meta.width ?? 0,
      height: meta.height ?? 0,
      dpi: dpiOf(meta),
      completedAt: Date.now(),
      origin: { file, page: page + 1 },
    };
  }
}
