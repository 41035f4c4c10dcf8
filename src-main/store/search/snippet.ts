/**
 * Snippets with highlights in the original (accented) text. FTS5 highlights the folded text; the
 * fold keeps UTF-16 positions, so the marked ranges apply unchanged to the original.
 */
export interface Snippet {
  text: string;
  /** [start, end) ranges of `text` to highlight. */
  marks: Array<[number, number]>;
}

export const MARK_OPEN = '\u0002';
export const MARK_CLOSE = '\u0003';

const WINDOW = 160;

/** Ranges marked in a highlighted string, as offsets in the unmarked string. */
export function parseMarks(highlighted: string): Array<[number, number]> {
  const marks: Array<[number, number]> = [];
  let plain = 0;
  let start = -1;
  for (const ch of highlighted) {
    if (ch === MARK_OPEN) start = plain;
    else if (ch === MARK_CLOSE && start >= 0) {
      marks.push([start, plain]);
      start = -1;
    } else plain += ch.length;
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
