/**
 * A line as one string with a map back to its words, so a regular expression match can name the
 * words (and so the boxes and confidences) it came from.
 */
import { unionBox } from '../result/page.js';
import type { OcrBox, OcrLine } from '../result/page.js';

export interface LineText {
  text: string;
  /** Which words a character range covers: their union box and lowest confidence. */
  source(start: number, end: number): { box: OcrBox; confidence: number };
}

export function lineText(line: OcrLine): LineText {
  const starts: number[] = [];
  let text = '';
  for (const word of line.words) {
    if (text.length > 0) text += ' ';
    starts.push(text.length);
    text += word.text;
  }
  return {
    text,
    source(start, end) {
      const words = line.words.filter((w, i) => {
        const s = starts[i] ?? 0;
        return s < end && s + w.text.length > start;
      });
      const used = words.length > 0 ? words : line.words;
      return {
        box: unionBox(used.map((w) => w.box)),
        confidence: Math.min(...used.map((w) => w.confidence)),
      };
    },
  };
}
