/**
 * OCR (nhận dạng chữ) and searchable-PDF assembly on files of the station: recognise one page
 * image (after the cleanup stages that matter for recognition, unless `raw`), and build one
 * component's PDF from page images with an optional OCR text layer and PDF/A-2b.
 */
import { z } from 'zod';
import type { StraightenResult } from '../../imaging/index.js';
import type { OcrSummary } from '../../ocr/index.js';
import type { AssembledPage, PdfWarning } from '../../pdf/index.js';
import { defineContract, method, returns } from './define.js';

/** What cleanup did before recognition, so boxes can be related back to the original scan. */
export interface CleanupSummary {
  /** Clockwise turn that was undone (0, 90, 180, 270). */
  orientation: number;
  skewDegrees: number;
  crop: StraightenResult['crop'];
}

export interface OcrRecognizeResult extends OcrSummary {
  cleanup: CleanupSummary | null;
}

export interface PdfAssembleResult {
  out: string;
  bytes: number;
  pages: AssembledPage[];
  warnings: PdfWarning[];
  /** 1-based pages whose OCR should be checked by a person. */
  reviewPages: number[];
}

export function summarizeCleanup(cleanup: StraightenResult | null): CleanupSummary | null {
  if (!cleanup) return null;
  return {
    orientation: cleanup.orientation.applied ? cleanup.orientation.degrees : 0,
    skewDegrees: cleanup.skew.applied ? cleanup.skew.degrees : 0,
    crop: cleanup.crop,
  };
}

const filePath = z.string().min(1).max(4096);
const languages = z.string().min(1).max(40).default('vie+eng');
const dpi = z.number().int().min(50).max(2400).optional();

export const ocrContract = defineContract({
  methods: {
    'ocr.recognize': method({
      summary:
        'Recognises the text of one page image: NFC text, words and lines with boxes, fields, review flag.',
      input: z.strictObject({
        path: filePath,
        lang: languages,
        raw: z.boolean().default(false),
        dpi,
      }),
      output: returns<OcrRecognizeResult>(),
    }),
    'pdf.assemble': method({
      summary:
        'Builds one component PDF from page images (true dpi, no re-encoding), optionally searchable and PDF/A-2b.',
      input: z.strictObject({
        images: z.array(filePath).min(1).max(5000),
        out: filePath,
        ocr: z.boolean().default(false),
        pdfa: z.boolean().default(false),
        lang: languages,
        dpi,
        force: z.boolean().default(false),
        title: z.string().trim().min(1).max(500),
        agency: z.string().trim().min(1).max(500).optional(),
        MaHoSo: z.string().trim().min(1).max(100).optional(),
        MaTTHC: z.string().trim().min(1).max(100).optional(),
        ThanhPhanHoSo: z.string().trim().min(1).max(500).optional(),
      }),
      output: returns<PdfAssembleResult>(),
    }),
  },
  events: {},
});
