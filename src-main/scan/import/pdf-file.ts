/**
 * PDF pages rendered with MuPDF at the resolution the clerk chose (what a scanner would have
 * produced), in colour; the pipeline decides grey/bilevel later, as for scans. Password-protected
 * files are refused: the clerk removes the protection knowingly, we never guess passwords.
 */
import * as mupdf from 'mupdf';
import { isAppError } from '../../domain/index.js';
import type { AcquiredImage } from '../types.js';
import { importErrors } from './errors.js';
import { MAX_IMPORT_PIXELS } from './limits.js';

type Page = Omit<AcquiredImage, 'index'>;

export async function* pdfPages(file: string, bytes: Buffer, dpi: number): AsyncGenerator<Page> {
  let doc: mupdf.Document;
  try {
    doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  } catch (error) {
    throw importErrors.corrupt(file, (error as Error).message);
  }
  try {
    if (doc.needsPassword()) throw importErrors.encrypted(file);
    let count: number;
    try {
      count = doc.countPages();
    } catch (error) {
      throw importErrors.corrupt(file, (error as Error).message);
    }
    if (count === 0) throw importErrors.corrupt(file, 'the PDF has no pages');
    const scale = dpi / 72;
    for (let index = 0; index < count; index++) {
      let png: Uint8Array;
      let width: number;
      let height: number;
      try {
        const page = doc.loadPage(index);
        const [x0, y0, x1, y1] = page.getBounds();
        width = Math.ceil((x1 - x0) * scale);
        height = Math.ceil((y1 - y0) * scale);
        if (width * height > MAX_IMPORT_PIXELS)
          throw importErrors.tooLarge(file, width, height, MAX_IMPORT_PIXELS);
        const pixmap = page.toPixmap(
          mupdf.Matrix.scale(scale, scale),
          mupdf.ColorSpace.DeviceRGB,
          false,
          true,
        );
        width = pixmap.getWidth();
        height = pixmap.getHeight();
        png = pixmap.asPNG();
        pixmap.destroy();
        page.destroy();
      } catch (error) {
        if (isAppError(error)) throw error;
        throw importErrors.corrupt(file, (error as Error).message, index + 1);
      }
      yield {
        mime: 'image/png',
        bytes: Buffer.from(png),
        width,
        height,
        dpi,
        completedAt: Date.now(),
        origin: { file, page: index + 1 },
      };
    }
  } finally {
    doc.destroy();
  }
}
