/**
 * The invisible text layer (text render mode 3) that makes a scanned page searchable and
 * copyable. Each word is drawn at its box, horizontally scaled to the box width; the space to
 * the next word is drawn too, stretched over the gap, so extractors (pdftotext, copy-paste) see
 * real spaces instead of guessing them from distances. Lines follow their baseline's slope.
 */
import {
  TextRenderingMode,
  beginText,
  endText,
  setCharacterSqueeze,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
} from 'pdf-lib';
import type { PDFFont, PDFOperator, PDFPage } from 'pdf-lib';

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * What the text layer needs from a recognised page (the OCR layer's OcrPage has this shape; the
 * PDF layer sits below OCR and so states its own needs): pixel size, lines with baselines, words.
 */
export interface TextLayerPage {
  width: number;
  height: number;
  blocks: ReadonlyArray<{
    lines: ReadonlyArray<{
      box: Box;
      baseline: { y0: number; y1: number };
      words: ReadonlyArray<{ text: string; box: Box }>;
    }>;
  }>;
}

/** Characters the font cannot draw become this, so no word silently loses letters to .notdef. */
const REPLACEMENT = '?';

export interface TextLayerResult {
  words: number;
  /** Characters replaced because the font has no glyph for them. */
  replaced: number;
}

export function drawTextLayer(page: PDFPage, font: PDFFont, ocr: TextLayerPage): TextLayerResult {
  const { width: pageW, height: pageH } = page.getSize();
  const sx = pageW / ocr.width;
  const sy = pageH / ocr.height;
  const supported = new Set(font.getCharacterSet());
  const fontKey = page.node.newFontDictionary(font.name, font.ref);
  const ops: PDFOperator[] = [beginText(), setTextRenderingMode(TextRenderingMode.Invisible)];
  let words = 0;
  let replaced = 0;
  for (const block of ocr.blocks) {
    for (const line of block.lines) {
      const size = Math.max(1, (line.box.y1 - line.box.y0) * sy * 0.85);
      ops.push(setFontAndSize(fontKey, size));
      const span = Math.max(1, line.box.x1 - line.box.x0);
      const slope = (line.baseline.y1 - line.baseline.y0) / span;
      const angle = Math.atan2(-slope * sy, sx);
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      line.words.forEach((word, i) => {
        const next = line.words[i + 1];
        let text = '';
        for (const ch of word.text) {
          if (supported.has(ch.codePointAt(0) ?? 0)) text += ch;
          else {
            text += REPLACEMENT;
            replaced += 1;
          }
        }
        if (next) text += ' ';
        const baselineY = line.baseline.y0 + slope * (word.box.x0 - line.box.x0);
        const x = word.box.x0 * sx;
        const y = pageH - baselineY * sy;
        const target = ((next ? next.box.x0 : word.box.x1) - word.box.x0) * sx;
        const natural = font.widthOfTextAtSize(text, size);
        const squeeze = natural > 0 ? Math.min(1000, Math.max(1, (100 * target) / natural)) : 100;
        ops.push(
          setTextMatrix(cos, sin, -sin, cos, x, y),
          setCharacterSqueeze(squeeze),
          showText(font.encodeText(text)),
        );
        words += 1;
      });
    }
  }
  ops.push(endText());
  page.pushOperators(...ops);
  return { words, replaced };
}
