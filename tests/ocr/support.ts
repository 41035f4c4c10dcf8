/**
 * Test helpers shared by the OCR and PDF suites (and the OCR benchmark): small typeset pages,
 * hand-made OCR pages for rule tests, and the character error rate.
 */
import sharp from 'sharp';
import type { OcrLine, OcrPage, OcrWord } from '../../src-main/ocr/index.js';
import { SvgPage } from '../fixtures/typeset.js';

/** A page holding just these lines (serif, 12 pt), clean, as PNG bytes recording its dpi. */
export async function textImage(
  lines: readonly string[],
  opts: { dpi?: number; widthMm?: number; sizePt?: number } = {},
): Promise<Buffer> {
  const dpi = opts.dpi ?? 300;
  const sizePt = opts.sizePt ?? 12;
  const lineMm = (sizePt / 72) * 25.4 * 1.6;
  const page = new SvgPage(dpi, opts.widthMm ?? 180, 12 + lines.length * lineMm);
  lines.forEach((text, i) =>
    page.text([{ text, font: 'serif' }], { xMm: 8, baselineMm: 10 + i * lineMm, sizePt }),
  );
  return sharp(Buffer.from(page.toSvg()), { density: 72 })
    .flatten({ background: '#ffffff' })
    .toColourspace('b-w')
    .withDensity(dpi)
    .png()
    .toBuffer();
}

/** Levenshtein distance over code points, divided by the reference length. */
export function cer(hypothesis: string, reference: string): number {
  const a = [...normalise(hypothesis)];
  const b = [...normalise(reference)];
  if (b.length === 0) return a.length === 0 ? 0 : 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return (prev[b.length] ?? 0) / b.length;
}

/** Whitespace runs count as one space; NFC on both sides. */
function normalise(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * An OcrPage built from text lines: each word gets a box 20 px per character wide on a 60 px
 * line pitch, and the given confidence, so rule tests can check boxes and confidences exactly.
 */
export function handPage(lines: readonly string[], confidence = 0.9): OcrPage {
  const built: OcrLine[] = lines.map((text, li) => {
    let x = 100;
    const words: OcrWord[] = text.split(' ').map((w) => {
      const word = {
        text: w,
        confidence,
        box: { x0: x, y0: 100 + li * 60, x1: x + 20 * [...w].length, y1: 140 + li * 60 },
      };
      x = word.box.x1 + 20;
      return word;
    });
    const box = { x0: 100, y0: 100 + li * 60, x1: x - 20, y1: 140 + li * 60 };
    return { text, confidence, box, baseline: { y0: box.y1, y1: box.y1 }, words };
  });
  return {
    text: lines.join('\n'),
    confidence,
    review: { needed: false, reasons: [], threshold: 0.75 },
    width: 2480,
    height: 3508,
    dpi: 300,
    dpiSource: 'image',
    languages: ['vie'],
    blocks: [
      {
        text: lines.join('\n'),
        confidence,
        box: { x0: 100, y0: 100, x1: 2000, y1: 3000 },
        lines: built,
      },
    ],
  };
}
