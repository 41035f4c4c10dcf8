/**
 * Turns zod issues into an AppError whose message names each offending field, in Vietnamese and
 * English, e.g. `gateway.timeoutMs: Quá nhỏ: mong đợi number >=1000` /
 * `gateway.timeoutMs: Too small: expected number to be >=1000`, so a person can fix the input
 * without reading a schema. A schema's own message (a regex hint, a refine rule) is kept as is.
 */
import { z } from 'zod';
import { AppError } from './errors.js';

type Issue = z.core.$ZodIssue;

const locales = { vi: z.locales.vi().localeError, en: z.locales.en().localeError };

function keyPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, '');
}

function localized(issue: Issue, lang: 'vi' | 'en'): string {
  // Issues carry the English default text; anything else was written by the schema's author.
  const asDefault = (map: typeof locales.en): string | undefined => {
    const result = map(issue as never);
    return typeof result === 'string' ? result : result?.message;
  };
  if (issue.message !== asDefault(locales.en)) return issue.message;
  return asDefault(locales[lang]) ?? issue.message;
}

export function describeIssues(issues: readonly Issue[], lang: 'vi' | 'en' = 'en'): string[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const unknown = lang === 'vi' ? 'khóa không được phép' : 'unknown key';
      return issue.keys.map((key) => `${keyPath([...issue.path, key])}: ${unknown}`);
    }
    return [`${keyPath(issue.path) || '(input)'}: ${localized(issue, lang)}`];
  });
}

/** A VALIDATION error for input that failed a schema; `subject` says what was being checked. */
export function invalidInput(
  subject: { vi: string; en: string },
  issues: readonly Issue[],
  details: Record<string, unknown> = {},
): AppError {
  const en = describeIssues(issues, 'en');
  const vi = describeIssues(issues, 'vi');
  return new AppError(
    'VALIDATION',
    {
      vi: `${subject.vi} không hợp lệ — ${vi.join('; ')}`,
      en: `Invalid ${subject.en} — ${en.join('; ')}`,
    },
    { details: { ...details, issues: en } },
  );
}
