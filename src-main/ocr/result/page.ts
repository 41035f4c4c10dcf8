/**
 * What OCR gives back for one page. Coordinates are pixels of the image that was recognised
 * (after any cleanup), origin top-left, so a PDF text layer or a review UI can place them over
 * exactly that image. Confidences are 0..1. All text is Unicode NFC: Vietnamese has two
 * spellings of most letters (precomposed and combining) and search, fields and the PDF text
 * layer must agree on one.
 */
export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  confidence: number;
  box: OcrBox;
}

export interface OcrLine {
  text: string;
  confidence: number;
  box: OcrBox;
  /** Baseline y in pixels at the line's left and right end (for text-layer placement). */
  baseline: { y0: number; y1: number };
  words: OcrWord[];
}

export interface OcrBlock {
  text: string;
  confidence: number;
  box: OcrBox;
  lines: OcrLine[];
}

export type ReviewReason = 'low-confidence' | 'no-text';

export interface OcrPage {
  /** Lines joined by "\n", blocks by a blank line, words by one space. */
  text: string;
  /** Mean word confidence weighted by word length (0..1); 0 when no text was found. */
  confidence: number;
  /** Set when a person should look at this page before its text is trusted. */
  review: { needed: boolean; reasons: ReviewReason[]; threshold: number };
  width: number;
  height: number;
  /** Resolution the recogniser was told; from the image, the caller, or assumed (see dpiSource). */
  dpi: number;
  dpiSource: 'image' | 'caller' | 'assumed';
  languages: string[];
  blocks: OcrBlock[];
}

/** Every word of the page in reading order. */
export function pageWords(page: OcrPage): OcrWord[] {
  return page.blocks.flatMap((b) => b.lines.flatMap((l) => l.words));
}

/** Every line of the page in reading order. */
export function pageLines(page: OcrPage): OcrLine[] {
  return page.blocks.flatMap((b) => b.lines);
}

export function unionBox(boxes: readonly OcrBox[]): OcrBox {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}
