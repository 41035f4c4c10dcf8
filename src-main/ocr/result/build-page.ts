/**
 * Converts tesseract.js's block tree into SoHoa's page model: NFC text, 0..1 confidences,
 * paragraphs folded into their block, empty words and lines dropped, page text rebuilt from the
 * words so that text, word boxes and the PDF text layer always say the same thing. Boxes are
 * mapped from the pixels tesseract saw back to the caller's image.
 */
import type Tesseract from 'tesseract.js';
import type { OcrBlock, OcrBox, OcrLine, OcrPage, OcrWord, ReviewReason } from './page.js';

export interface PageFacts {
  width: number;
  height: number;
  /** Recognised pixels per caller pixel: boxes are divided by it. */
  scale: number;
  dpi: number;
  dpiSource: OcrPage['dpiSource'];
  languages: string[];
  reviewThreshold: number;
}

export function buildPage(blocks: readonly Tesseract.Block[] | null, facts: PageFacts): OcrPage {
  const built: OcrBlock[] = [];
  for (const block of blocks ?? []) {
    const lines = block.paragraphs
      .flatMap((p) => p.lines)
      .flatMap((l) => buildLine(l, facts.scale) ?? []);
    if (lines.length === 0) continue;
    built.push({
      text: lines.map((l) => l.text).join('\n'),
      confidence: weightedConfidence(lines.flatMap((l) => l.words)),
      box: toBox(block.bbox, facts.scale),
      lines,
    });
  }
  const words = built.flatMap((b) => b.lines.flatMap((l) => l.words));
  const confidence = weightedConfidence(words);
  const reasons: ReviewReason[] = [];
  if (words.length === 0) reasons.push('no-text');
  else if (confidence < facts.reviewThreshold) reasons.push('low-confidence');
  return {
    text: built.map((b) => b.text).join('\n\n'),
    confidence,
    review: { needed: reasons.length > 0, reasons, threshold: facts.reviewThreshold },
    width: facts.width,
    height: facts.height,
    dpi: facts.dpi,
    dpiSource: facts.dpiSource,
    languages: facts.languages,
    blocks: built,
  };
}

function buildLine(line: Tesseract.Line, scale: number): OcrLine | undefined {
  const words: OcrWord[] = [];
  for (const w of line.words) {
    const text = w.text.normalize('NFC').trim();
    if (text.length === 0) continue;
    words.push({ text, confidence: round(w.confidence / 100), box: toBox(w.bbox, scale) });
  }
  if (words.length === 0) return undefined;
  const box = toBox(line.bbox, scale);
  const baseline = { y0: unscale(line.baseline.y0, scale), y1: unscale(line.baseline.y1, scale) };
  // tesseract leaves the baseline at 0/garbage for lines it could not fit; fall back to the box bottom
  const sane = (y: number): boolean => y >= box.y0 && y <= box.y1 + (box.y1 - box.y0);
  return {
    text: words.map((w) => w.text).join(' '),
    confidence: weightedConfidence(words),
    box,
    baseline:
      sane(baseline.y0) && sane(baseline.y1)
        ? { y0: baseline.y0, y1: baseline.y1 }
        : { y0: box.y1, y1: box.y1 },
    words,
  };
}

/** Longer words weigh more: a confident one-letter fragment should not lift a garbled page. */
function weightedConfidence(words: readonly OcrWord[]): number {
  let sum = 0;
  let weight = 0;
  for (const w of words) {
    const n = [...w.text].length;
    sum += w.confidence * n;
    weight += n;
  }
  return weight === 0 ? 0 : round(sum / weight);
}

function toBox(b: Tesseract.Bbox, scale: number): OcrBox {
  return {
    x0: unscale(b.x0, scale),
    y0: unscale(b.y0, scale),
    x1: unscale(b.x1, scale),
    y1: unscale(b.y1, scale),
  };
}

function unscale(v: number, scale: number): number {
  return scale === 1 ? v : Math.round(v / scale);
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
