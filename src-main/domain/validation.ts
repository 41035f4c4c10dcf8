/**
 * Turns zod issues into an AppError whose message names each offending field, e.g.
 * `gateway.timeoutMs: Too small: expected number to be >=1000` or `gateway.tiemout: unknown key`,
 * so a person can fix the input without reading a schema.
 */
import type { z } from 'zod';
import { AppError } from './errors.js';

function keyPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, '');
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => `${keyPath([...issue.path, key])}: unknown key`);
    }
    return [`${keyPath(issue.path) || '(input)'}: ${issue.message}`];
  });
}

/** A VALIDATION error for input that failed a schema; `subject` says what was being checked. */
export function invalidInput(
  subject: { vi: string; en: string },
  issues: readonly z.core.$ZodIssue[],
  details: Record<string, unknown> = {},
): AppError {
  const lines = describeIssues(issues);
  const list = lines.join('; ');
  return new AppError(
    'VALIDATION',
    { vi: `${subject.vi} không hợp lệ — ${list}`, en: `Invalid ${subject.en} — ${list}` },
    { details: { ...details, issues: lines } },
  );
}
