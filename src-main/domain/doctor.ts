/**
 * `sohoa doctor`: a list of checks, each answering ok / warn / fail with what to do about it.
 * Capabilities contribute checks; the runner never stops at a failing or throwing check, so one
 * broken part does not hide the state of the others.
 */
import type { LocalizedMessage } from './errors.js';
import { isAppError } from './errors.js';

export type CheckStatus = 'ok' | 'warn' | 'fail';

export interface CheckResult {
  status: CheckStatus;
  message: LocalizedMessage;
  /** What a person should do; required unless the status is ok. */
  fix?: LocalizedMessage;
  details?: Record<string, unknown>;
}

export interface DoctorCheck {
  /** Stable id, e.g. `store.integrity`. */
  id: string;
  title: LocalizedMessage;
  run(): Promise<CheckResult> | CheckResult;
}

export interface DoctorReport {
  status: CheckStatus;
  checks: Array<CheckResult & { id: string; title: LocalizedMessage; ms: number }>;
}

const rank: Record<CheckStatus, number> = { ok: 0, warn: 1, fail: 2 };

export async function runDoctor(checks: readonly DoctorCheck[]): Promise<DoctorReport> {
  const results: DoctorReport['checks'] = [];
  let status: CheckStatus = 'ok';
  for (const check of checks) {
    const started = performance.now();
    let result: CheckResult;
    try {
      result = await check.run();
    } catch (error) {
      const text = isAppError(error)
        ? error.message
        : error instanceof Error
          ? error.message
          : String(error);
      result = {
        status: 'fail',
        message: {
          vi: `Kiểm tra bị lỗi: ${isAppError(error) ? error.messageVi : text}`,
          en: `The check itself failed: ${text}`,
        },
        fix: { vi: 'Xem nhật ký (log) và báo bộ phận CNTT', en: 'See the log and contact IT' },
      };
    }
    if (rank[result.status] > rank[status]) status = result.status;
    results.push({
      id: check.id,
      title: check.title,
      ...result,
      ms: Math.round(performance.now() - started),
    });
  }
  return { status, checks: results };
}
