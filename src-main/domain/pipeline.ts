/**
 * What the page pipeline reports about a page: where it stands, what the cleanup decided, how
 * well it was read, and the quality flags a clerk or a QA reviewer must look at. Plain data, so
 * the API contract and the renderer can name these types.
 */

/** pending → processing → done | failed (a failed page is retried a bounded number of times). */
export type PageState = 'pending' | 'processing' | 'done' | 'failed';

/**
 * Quality flags: `blank` (no writing found), `low-ocr-confidence` (text not to be trusted),
 * `skewed` (the sheet went in crooked beyond the configured limit), `low-dpi` (scanned under the
 * 200 dpi national minimum), `field-invalid` (a value read off the page fails its check, e.g. a
 * CCCD with an unknown province), `orientation-unsure` (could not tell which way is up).
 */
export type PageFlag =
  'blank' | 'low-ocr-confidence' | 'skewed' | 'low-dpi' | 'field-invalid' | 'orientation-unsure';

export const PAGE_FLAGS: readonly PageFlag[] = [
  'blank',
  'low-ocr-confidence',
  'skewed',
  'low-dpi',
  'field-invalid',
  'orientation-unsure',
];

/** The cleanup's decisions on a page, as stored with it. */
export interface PageCleanup {
  /** How far the scan was turned clockwise from upright, and whether it was turned back. */
  orientation: { degrees: 0 | 90 | 180 | 270; confidence: number; applied: boolean };
  /** Skew of the scan (positive: lines rise to the right) and whether it was corrected. */
  skew: { degrees: number; applied: boolean };
  /** The paper inside the scan, in the straightened image's pixels (null: nothing cropped). */
  crop: { left: number; top: number; width: number; height: number } | null;
  colourMode: 'color' | 'grey' | 'bw';
  blank: { blank: boolean; score: number };
  /** The processed image. */
  output: { format: 'jpeg' | 'tiff-g4'; bytes: number; width: number; height: number; dpi: number };
  /** The resolution the page was scanned at. */
  inputDpi: number;
  /** Plain-language notes for the reviewer (vi + en). */
  warnings: Array<{ code: string; vi: string; en: string }>;
}

/** A value read off a page, with its confidence and where it was printed. */
export interface PageField {
  kind: string;
  value: string;
  text: string;
  confidence: number;
  /** x0, y0, x1, y1 in the processed image's pixels. */
  box: [number, number, number, number];
  /** False when the value fails its domain check. */
  valid: boolean;
}

export interface PageProcessingError {
  code: string;
  message: string;
  messageVi: string;
}

/** One page's processing record. */
export interface PageProcessing {
  pageId: number;
  dossierId: number;
  MaHoSo: string;
  state: PageState;
  /** Attempts made for the current request (reset when the page is queued again). */
  attempts: number;
  flags: PageFlag[];
  /** Mean OCR word confidence 0..1 (absent before OCR or when OCR was skipped). */
  ocrConfidence?: number;
  /** The last failure, kept while the page is retried and when it finally failed. */
  error?: PageProcessingError;
  /** The processed image (the original scan stays as the page's blob). */
  processed?: { sha256: string; mime: string; width: number; height: number; dpi: number };
  thumbnailSha256?: string;
  cleanup?: PageCleanup;
  fields: PageField[];
  finishedAt?: string;
}

/** Published whenever a page's processing ends, successfully or not. */
export interface PageProcessedEvent {
  pageId: number;
  dossierId: number;
  MaHoSo: string;
  state: PageState;
  flags: PageFlag[];
  ocrConfidence?: number;
  error?: PageProcessingError;
}

/** How far a dossier's pages are. */
export interface DossierProcessing {
  dossierId: number;
  MaHoSo: string;
  counts: Record<PageState, number>;
  pages: PageProcessing[];
}
