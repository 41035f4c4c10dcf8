/** Small constructors for check results, so each check reads as its decision, not its plumbing. */
import type { CheckResult, LocalizedMessage } from '../../../domain/index.js';

export const ok = (message: LocalizedMessage, details?: Record<string, unknown>): CheckResult => ({
  status: 'ok',
  message,
  ...(details ? { details } : {}),
});

export const warn = (
  message: LocalizedMessage,
  fix: LocalizedMessage,
  details?: Record<string, unknown>,
): CheckResult => ({ status: 'warn', message, fix, ...(details ? { details } : {}) });

export const fail = (
  message: LocalizedMessage,
  fix: LocalizedMessage,
  details?: Record<string, unknown>,
): CheckResult => ({ status: 'fail', message, fix, ...(details ? { details } : {}) });

/** The bilingual text of any thrown value (AppError keeps its Vietnamese message). */
export function reasonOf(error: unknown): LocalizedMessage {
  if (error instanceof Error) {
    const vi = (error as { messageVi?: unknown }).messageVi;
    return { vi: typeof vi === 'string' ? vi : error.message, en: error.message };
  }
  return { vi: String(error), en: String(error) };
}
