/**
 * Puts a page image into the PDF without changing a pixel and, where PDF can carry the file's
 * own compression, without re-encoding it: JPEG goes in as its DCT stream, CCITT G4 TIFF strips
 * go in as CCITTFaxDecode image XObjects. Other formats are decoded losslessly and stored with
 * Flate (1-bit images as G4 first, which is far smaller and what archives expect for bilevel).
 */
import {
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import type { PDFDocument, PDFPage, PDFRef } from 'pdf-lib';
import sharp from 'sharp';
import type { Metadata, Sharp } from 'sharp';
import { AppError } from '../../domain/index.js';
import { readG4Tiff } from './tiff-g4.js';
import type { G4Tiff } from './tiff-g4.js';

export type ImageEncoding = 'DCT' | 'CCITTFax' | 'Flate';

export interface EmbeddedImage {
  widthPx: number;
  heightPx: number;
  /** Resolution recorded in the file, if any. */
  dpi: number | undefined;
  encoding: ImageEncoding;
  /** Paints the image over the whole page (page size in points). */
  draw(page: PDFPage): void;
}

export async function embedPageImage(
  doc: PDFDocument,
  bytes: Uint8Array,
  source: string,
): Promise<EmbeddedImage> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { failOn: 'error' }).metadata();
  } catch (error) {
    throw unreadable(source, error);
  }
  if (!meta.width || !meta.height) throw unreadable(source, undefined);
  if ((meta.pages ?? 1) > 1) {
    throw new AppError(
      'VALIDATION',
      {
        vi: `Ảnh "${source}" có nhiều trang; hãy tách thành từng trang trước khi ghép PDF.`,
        en: `Image "${source}" has several pages; split it into single pages before assembling the PDF.`,
      },
      { details: { source, pages: meta.pages } },
    );
  }
  const dpi =
    meta.density && meta.density >= 20 && meta.density <= 4800
      ? Math.round(meta.density)
      : undefined;
  if (meta.format === 'jpeg' && (meta.orientation ?? 1) === 1) {
    const image = await doc.embedJpg(bytes);
    return {
      widthPx: image.width,
      heightPx: image.height,
      dpi,
      encoding: 'DCT',
      draw: (page) => page.drawImage(image, fullPage(page)),
    };
  }
  if (meta.format === 'tiff') {
    const g4 = readG4Tiff(bytes);
    if (g4) return embedG4(doc, g4, dpi ?? g4.dpi);
  }
  // EXIF-rotated JPEGs are the one case where the stored pixels are not the page as seen
  const upright = sharp(bytes).rotate();
  if (meta.channels === 1 && meta.bitsPerSample === 1) {
    // a strip as tall as the page (libvips takes the strip height from tileHeight) gives one XObject
    const tiff = await upright
      .tiff({ compression: 'ccittfax4', bitdepth: 1, tileHeight: Math.ceil(meta.height / 16) * 16 })
      .toBuffer();
    const g4 = readG4Tiff(tiff);
    if (g4) return embedG4(doc, g4, dpi);
  }
  return embedFlate(doc, upright, (meta.channels ?? 3) <= 2, dpi);
}

/** Grey stays one channel and colour three (pdf-lib's PNG path would widen grey to RGB). */
async function embedFlate(
  doc: PDFDocument,
  image: Sharp,
  grey: boolean,
  dpi: number | undefined,
): Promise<EmbeddedImage> {
  // sharp widens to sRGB on output unless told otherwise; a grey scan stays one channel
  const { data: pixels, info } = await image
    .flatten({ background: '#ffffff' })
    .toColourspace(grey ? 'b-w' : 'srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const stream = doc.context.flateStream(pixels, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: info.width,
    Height: info.height,
    ColorSpace: grey ? 'DeviceGray' : 'DeviceRGB',
    BitsPerComponent: 8,
  });
  const ref = doc.context.register(stream);
  return {
    widthPx: info.width,
    heightPx: info.height,
    dpi,
    encoding: 'Flate',
    draw: (page) => drawXObject(page, ref, 0, 0, page.getSize().width, page.getSize().height),
  };
}

/**
 * Each TIFF strip is coded on its own (its first row refers to an imaginary white row), so the
 * strips cannot be joined into one code stream; each becomes an XObject, placed edge to edge.
 */
function embedG4(doc: PDFDocument, g4: G4Tiff, dpi: number | undefined): EmbeddedImage {
  const strips: Array<{ ref: PDFRef; rows: number }> = g4.strips.map((strip) => {
    const decodeParms = doc.context.obj({
      K: -1,
      Columns: g4.width,
      Rows: strip.rows,
      BlackIs1: false,
    });
    const stream = doc.context.stream(strip.data, {
      Type: 'XObject',
      Subtype: 'Image',
      Width: g4.width,
      Height: strip.rows,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 1,
      Filter: 'CCITTFaxDecode',
      DecodeParms: decodeParms,
      // TIFF "black is zero" files code black pixels as the G4 "white" runs
      ...(g4.blackIsZero ? { Decode: [1, 0] } : {}),
    });
    return { ref: doc.context.register(stream), rows: strip.rows };
  });
  return {
    widthPx: g4.width,
    heightPx: g4.height,
    dpi,
    encoding: 'CCITTFax',
    draw(page) {
      const { width, height } = page.getSize();
      const ptPerRow = height / g4.height;
      let rowsAbove = 0;
      for (const strip of strips) {
        drawXObject(
          page,
          strip.ref,
          0,
          height - (rowsAbove + strip.rows) * ptPerRow,
          width,
          strip.rows * ptPerRow,
        );
        rowsAbove += strip.rows;
      }
    },
  };
}

function drawXObject(page: PDFPage, ref: PDFRef, x: number, y: number, w: number, h: number): void {
  const name = page.node.newXObject('Im', ref);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(w, 0, 0, h, x, y),
    drawObject(name),
    popGraphicsState(),
  );
}

function fullPage(page: PDFPage): { x: number; y: number; width: number; height: number } {
  const { width, height } = page.getSize();
  return { x: 0, y: 0, width, height };
}

function unreadable(source: string, cause: unknown): AppError {
  return new AppError(
    'VALIDATION',
    {
      vi: `Không đọc được ảnh "${source}" (tệp hỏng hoặc định dạng không hỗ trợ).`,
      en: `Cannot read image "${source}" (corrupt file or unsupported format).`,
    },
    { details: { source }, cause },
  );
}
