/**
 * Turns what a person typed into a safe FTS5 query. Nothing of the input's syntax survives: the
 * text is folded, split into letter/digit runs, and each run becomes a quoted phrase, ANDed
 * together. So `"`, `*`, `NEAR(`, `OR`, `-col:` or `'; DROP TABLE` are words or nothing, never
 * operators, and never an FTS syntax error. The last term is a prefix when it is long enough to
 * be cheap, so type-ahead finds words as they are being typed.
 */
import { foldVietnamese } from '../../domain/index.js';

const MAX_TERMS = 16;
const MIN_PREFIX = 3;

export function searchTerms(input: string): string[] {
  return (foldVietnamese(input).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TERMS);
}

/** The FTS5 MATCH expression, or undefined when the input holds no searchable word. */
export function toFtsQuery(input: string): string | undefined {
  const terms = searchTerms(input);
  if (terms.length === 0) return undefined;
  const endsInWord = /[\p{L}\p{N}]$/u.test(input.trim());
  return terms
    .map((t, i) =>
      i === terms.length - 1 && endsInWord && t.length >= MIN_PREFIX ? `"${t}"*` : `"${t}"`,
    )
    .join(' ');
}
