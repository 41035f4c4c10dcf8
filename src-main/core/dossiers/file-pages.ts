/**
 * A file as page images the store can hold: a PNG or JPEG is one page as it is; a PDF (a result
 * paper scanned elsewhere) is rendered page by page with MuPDF at a scanner's resolution.
 */
import * as mupdf from 'mupdf';
import sharp from 'sharp';
import { AppError } from '../../domain/index.js';
import type { FileKind } from './file-kind.js';

export interface FilePage {
  bytes: Uint8Array;
  mime: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  dpi?: number;
}

/** Reuse renders PDF pages at this resolution: the floor of the archive standard (≥ 200 dpi). */
export const PDF_RENDER_DPI = 200;
/** A reused file may hold at most this many pages (a result paper is a few pages). */
const MAX_PDF_PAGES = 200;

function unreadable(reason: string): AppError {
  return new AppError(
    'VALIDATION',
    { vi: `Không đọc được tệp: ${reason}`, en: `The file cannot be read: ${reason}` },
    { details: { reason } },
  );
}

async function imagePage(bytes: Uint8Array, mime: FilePage['mime']): Promise<FilePage> {
  const meta = await sharp(bytes)
    .metadata()
    .catch((error: Error) => {
      throw unreadable(error.message);
    });
  if (!meta.width || !meta.height) throw unreadable('no image size');
  return {
    bytes,
    mime,
    width: meta.width,
    height: meta.height,
    ...(meta.density ? { dpi: Math.round(meta.density) } : {}),
  };
}

function pdfPages(bytes: Uint8Array): FilePage[] {
  let doc: mupdf.Document;
  try {
    doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  } catch (error) {
    throw unreadable((error as Error).message);
  }
  try {
    if (doc.needsPassword()) throw unreadable('the PDF is password-protected');
    const count = doc.countPages();
    if (count === 0 || count > MAX_PDF_PAGES) throw unreadable(`${count} pages`);
    const scale = PDF_RENDER_DPI / 72;
    const pages: FilePage[] = [];
    for (let i = 0; i < count; i++) {
      const page = doc.loadPage(i);
      const pixmap = page.toPixmap(
        mupdf.Matrix.scale(scale, scale),
        mupdf.ColorSpace.DeviceRGB,
        false,
        true,
      );
      pages.push({
        bytes: pixmap.asPNG(),
        mime: 'image/png',
        width: pixmap.getWidth(),
        height: pixmap.getHeight(),
        dpi: PDF_RENDER_DPI,
      });
      pixmap.destroy();
      page.destroy();
    }
    return pages;
  } finally {
    doc.destroy();
  }
}

export async function filePages(bytes: Uint8Array, kind: FileKind): Promise<FilePage[]> {
  return kind === 'application/pdf' ? pdfPages(bytes) : [await imagePage(bytes, kind)];
}
