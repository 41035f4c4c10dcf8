/**
 * Builds one component's PDF from its page images: each page sized from the image's pixels and
 * true resolution, the image embedded as-is (page-image.ts), the OCR words as an invisible text
 * layer in an embedded Vietnamese font, and the dossier's metadata. National rules for scanned
 * records ask for PDF ≥ 1.4 (pdf-lib writes 1.7) and ≥ 200 dpi: a page below that is still
 * assembled — the paper may be all there is — but it is warned about and recorded in the file.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import type { PDFFont } from 'pdf-lib';
import { z } from 'zod';
import {
  AppError,
  ProcedureCodeSchema,
  invalidInput,
  parseDossierCode,
} from '../../domain/index.js';
import { resourcePath } from '../../platform/index.js';
import { resolveMetadata, writeInfo } from './metadata.js';
import type { PdfMetadata } from './metadata.js';
import { embedPageImage } from './page-image.js';
import type { ImageEncoding } from './page-image.js';
import { addPdfaParts } from './pdfa.js';
import { drawTextLayer } from './text-layer.js';
import type { TextLayerPage } from './text-layer.js';

/** The national minimum for scanned records. */
export const MIN_DPI = 200;
/** Used, with a warning, when neither the file nor the caller states a resolution. */
export const FALLBACK_DPI = 300;
const TEXT_FONT = 'LiberationSans-Regular.ttf';

export interface PageSource {
  /** A file path or the encoded image (JPEG, PNG, TIFF incl. CCITT G4, or anything sharp reads). */
  image: string | Uint8Array;
  /** Scan resolution, overriding what the file records. */
  dpi?: number;
  /** OCR of exactly this image (same pixels), for the text layer. */
  ocr?: TextLayerPage;
}

export interface AssembleOptions {
  metadata: PdfMetadata;
  /** Add what PDF/A-2b needs (XMP with pdfaid, sRGB OutputIntent). */
  pdfa?: boolean;
}

export interface AssembledPage {
  widthPx: number;
  heightPx: number;
  dpi: number;
  dpiSource: 'image' | 'caller' | 'fallback';
  widthPt: number;
  heightPt: number;
  encoding: ImageEncoding;
  /** Words laid in the text layer (0 without OCR). */
  textWords: number;
}

export type PdfWarningCode = 'LOW_DPI' | 'DPI_UNKNOWN' | 'TEXT_REPLACED';

export interface PdfWarning {
  code: PdfWarningCode;
  /** 1-based page number. */
  page: number;
  message: { vi: string; en: string };
}

export interface AssembledPdf {
  bytes: Uint8Array;
  pages: AssembledPage[];
  warnings: PdfWarning[];
}

const metadataSchema = z.object({
  title: z.string().trim().min(1).max(500),
  agency: z.string().trim().min(1).max(500).optional(),
  MaHoSo: z
    .string()
    .refine(
      (code) => parseDossierCode(code) !== undefined,
      'mã hồ sơ dạng <mã đơn vị>-YYMMDD-NNNN / dossier code',
    )
    .optional(),
  MaTTHC: ProcedureCodeSchema.optional(),
  ThanhPhanHoSo: z.string().trim().min(1).max(500).optional(),
  createdAt: z.date().optional(),
  modifiedAt: z.date().optional(),
});
const optionsSchema = z.object({
  pages: z
    .array(
      z.object({
        image: z.union([z.string().min(1), z.instanceof(Uint8Array)]),
        dpi: z.number().int().min(50).max(2400).optional(),
        ocr: z
          .object({ width: z.number().int().positive(), height: z.number().int().positive() })
          .passthrough()
          .optional(),
      }),
    )
    .min(1)
    .max(5000),
  metadata: metadataSchema,
  pdfa: z.boolean().optional(),
});

let fontBytes: Uint8Array | undefined;

export async function assemblePdf(
  pages: readonly PageSource[],
  options: AssembleOptions,
): Promise<AssembledPdf> {
  const parsed = optionsSchema.safeParse({ pages, ...options });
  if (!parsed.success) {
    throw invalidInput(
      { vi: 'Tham số ghép PDF', en: 'PDF assembly parameters' },
      parsed.error.issues,
    );
  }
  const now = new Date();
  const meta = resolveMetadata(options.metadata, now);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  fontBytes ??= await readFile(resourcePath('fonts', TEXT_FONT));
  const font = pages.some((p) => p.ocr)
    ? await doc.embedFont(fontBytes, { subset: true })
    : undefined;

  const assembled: AssembledPage[] = [];
  const warnings: PdfWarning[] = [];
  for (const [index, source] of pages.entries()) {
    const number = index + 1;
    const name = typeof source.image === 'string' ? source.image : `page ${number}`;
    const bytes = typeof source.image === 'string' ? await readImage(source.image) : source.image;
    const image = await embedPageImage(doc, bytes, name);
    const dpiSource =
      source.dpi !== undefined ? 'caller' : image.dpi !== undefined ? 'image' : 'fallback';
    const dpi = source.dpi ?? image.dpi ?? FALLBACK_DPI;
    if (dpiSource === 'fallback') warnings.push(dpiUnknown(number));
    else if (dpi < MIN_DPI) warnings.push(lowDpi(number, dpi));
    const widthPt = (image.widthPx * 72) / dpi;
    const heightPt = (image.heightPx * 72) / dpi;
    const page = doc.addPage([widthPt, heightPt]);
    image.draw(page);
    let textWords = 0;
    if (source.ocr && font) {
      if (source.ocr.width !== image.widthPx || source.ocr.height !== image.heightPx) {
        throw new AppError(
          'VALIDATION',
          {
            vi: `Kết quả OCR của trang ${number} không khớp kích thước ảnh (${source.ocr.width}×${source.ocr.height} so với ${image.widthPx}×${image.heightPx}).`,
            en: `Page ${number}'s OCR does not match its image size (${source.ocr.width}×${source.ocr.height} vs ${image.widthPx}×${image.heightPx}).`,
          },
          { details: { page: number } },
        );
      }
      const layer = drawTextLayer(page, font, source.ocr);
      textWords = layer.words;
      if (layer.replaced > 0) warnings.push(textReplaced(number, layer.replaced));
    }
    assembled.push({
      widthPx: image.widthPx,
      heightPx: image.heightPx,
      dpi,
      dpiSource,
      widthPt,
      heightPt,
      encoding: image.encoding,
      textWords,
    });
  }

  const lowPages = warnings.filter((w) => w.code === 'LOW_DPI').map((w) => String(w.page));
  writeInfo(doc, meta, lowPages.length > 0 ? { SoHoaLowResolutionPages: lowPages.join(',') } : {});
  if (options.pdfa) addPdfaParts(doc, meta);
  const id = createHash('md5')
    .update(`${meta.title}|${meta.MaHoSo ?? ''}|${now.toISOString()}|${pages.length}`)
    .digest('hex');
  if (font) await tagSubsetFont(font, id);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  const bytes = await doc.save({ useObjectStreams: !options.pdfa });
  return { bytes, pages: assembled, warnings };
}

/**
 * A font subset's PostScript name must start with a six-letter tag ("ABCDEF+"), which pdf-lib
 * leaves out; readers and archive validators use it to tell a subset from the full font.
 */
async function tagSubsetFont(font: PDFFont, seed: string): Promise<void> {
  await font.embed(); // writes the subset now, after every page's text has been drawn
  const tag = [...seed.slice(0, 6)]
    .map((c) => String.fromCharCode(65 + (parseInt(c, 16) % 26)))
    .join('');
  const type0 = font.doc.context.lookup(font.ref, PDFDict);
  const name = PDFName.of(
    `${tag}+${type0.lookup(PDFName.of('BaseFont'), PDFName).decodeText().replace(/-\d+$/, '')}`,
  );
  type0.set(PDFName.of('BaseFont'), name);
  const cidFont = type0.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
  cidFont.set(PDFName.of('BaseFont'), name);
  cidFont.lookup(PDFName.of('FontDescriptor'), PDFDict).set(PDFName.of('FontName'), name);
}

async function readImage(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new AppError(
      'NOT_FOUND',
      { vi: `Không mở được tệp ảnh "${path}".`, en: `Cannot open image file "${path}".` },
      { details: { path }, cause: error },
    );
  }
}

function lowDpi(page: number, dpi: number): PdfWarning {
  return {
    code: 'LOW_DPI',
    page,
    message: {
      vi: `Trang ${page} chỉ có ${dpi} dpi, dưới mức tối thiểu ${MIN_DPI} dpi theo quy định số hóa; nên quét lại.`,
      en: `Page ${page} is only ${dpi} dpi, below the ${MIN_DPI} dpi minimum for digitised records; rescan if possible.`,
    },
  };
}

function dpiUnknown(page: number): PdfWarning {
  return {
    code: 'DPI_UNKNOWN',
    page,
    message: {
      vi: `Ảnh trang ${page} không ghi độ phân giải; đã giả định ${FALLBACK_DPI} dpi. Hãy chỉ rõ --dpi nếu khác.`,
      en: `Page ${page}'s image records no resolution; assumed ${FALLBACK_DPI} dpi. Pass --dpi if it differs.`,
    },
  };
}

function textReplaced(page: number, count: number): PdfWarning {
  return {
    code: 'TEXT_REPLACED',
    page,
    message: {
      vi: `Trang ${page}: ${count} ký tự OCR không có trong phông chữ lớp văn bản, đã thay bằng "?".`,
      en: `Page ${page}: ${count} OCR characters are missing from the text-layer font and were replaced by "?".`,
    },
  };
}
