/**
 * Snippets with highlights in the original (accented) text. The words are found in the folded
 * text, tokenised like FTS5's unicode61 (runs of letters and digits); the fold keeps UTF-16
 * positions, so the ranges apply unchanged to the original. Doing this in JS for the returned
 * hits costs microseconds, where asking FTS5's highlight() per hit costs a query each.
 */
import { foldVietnamese } from '../../domain/index.js';
export interface Snippet {
  text: string;
  /** [start, end) ranges of `text` to highlight. */
  marks: Array<[number, number]>;
}

const WINDOW = 160;

/** Ranges of `original` whose folded word equals a term, or starts with `prefix`. */
export function findMarks(
  original: string,
  terms: readonly string[],
  prefix?: string,
): Array<[number, number]> {
  const folded = foldVietnamese(original);
  const wanted = new Set(terms);
  const marks: Array<[number, number]> = [];
  for (const m of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = m[0];
    if (wanted.has(word) || (prefix !== undefined && word.startsWith(prefix)))
      marks.push([m.index, m.index + word.length]);
  }
  return marks;
}

export function makeSnippet(
  original: string,
  marks: Array<[number, number]>,
  window = WINDOW,
): Snippet {
  if (original.length <= window) return { text: original, marks };
  const first = marks[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(window / 3));
  let end = Math.min(original.length, start + window);
  start = Math.max(0, end - window);
  // Snap to word boundaries so no word is cut in half.
  while (start > 0 && /\S/.test(original[start - 1] ?? '')) start -= 1;
  while (end < original.length && /\S/.test(original[end] ?? '')) end += 1;
  const prefix = start > 0 ? '…' : '';
  const body = original.slice(start, end);
  const shift = prefix.length - start;
  return {
    text: `${prefix}${body}${end < original.length ? '…' : ''}`,
    marks: marks.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s + shift, e + shift]),
  };
}
