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

export interface ParsedQuery {
  /** The FTS5 MATCH expression. */
  match: string;
  /** Whole-word terms. */
  terms: string[];
  /** The last term when it is searched as a prefix. */
  prefix?: string;
}

export function parseQuery(input: string): ParsedQuery | undefined {
  const terms = searchTerms(input);
  if (terms.length === 0) return undefined;
  const last = terms[terms.length - 1] as string;
  const isPrefix = /[\p{L}\p{N}]$/u.test(input.trim()) && last.length >= MIN_PREFIX;
  const whole = isPrefix ? terms.slice(0, -1) : terms;
  const match = [...whole.map((t) => `"${t}"`), ...(isPrefix ? [`"${last}"*`] : [])].join(' ');
  return { match, terms: whole, ...(isPrefix ? { prefix: last } : {}) };
}

/** The FTS5 MATCH expression, or undefined when the input holds no searchable word. */
export function toFtsQuery(input: string): string | undefined {
  return parseQuery(input)?.match;
}
