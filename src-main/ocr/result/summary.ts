/**
 * The flat, JSON-ready view of a recognised page that the CLI (`--json`) and the API return:
 * text, confidence, review flag, words and lines with boxes, and the extracted fields.
 */
import { extractFields } from '../fields/index.js';
import type { OcrField } from '../fields/index.js';
import type { OcrBox, OcrPage, OcrWord } from './page.js';
import { pageLines, pageWords } from './page.js';

export interface OcrSummary {
  text: string;
  confidence: number;
  review: OcrPage['review'];
  words: OcrWord[];
  lines: Array<{ text: string; confidence: number; box: OcrBox }>;
  fields: OcrField[];
  width: number;
  height: number;
  dpi: number;
}

export function summarizePage(page: OcrPage): OcrSummary {
  return {
    text: page.text,
    confidence: page.confidence,
    review: page.review,
    words: pageWords(page),
    lines: pageLines(page).map((l) => ({ text: l.text, confidence: l.confidence, box: l.box })),
    fields: extractFields(page),
    width: page.width,
    height: page.height,
    dpi: page.dpi,
  };
}
