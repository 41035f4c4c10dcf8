/**
 * A failed API call as the UI sees it: the core's stable code and its message in both
 * languages, whichever transport carried it. Screens show `localized(lang)`, never raw bodies.
 */
import type { ApiErrorBody } from '../../src-main/api/contract/index.js';

export type { ApiErrorBody };

export class ApiError extends Error {
  readonly code: string;
  readonly messageVi: string;
  readonly details: Record<string, unknown> | undefined;
  /** HTTP status in browser mode; undefined over Electron IPC. */
  readonly status: number | undefined;

  constructor(body: ApiErrorBody, status?: number) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.messageVi = body.messageVi;
    this.details = body.details;
    this.status = status;
  }

  localized(lang: string): string {
    return lang.startsWith('vi') ? this.messageVi : this.message;
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === 'string' && typeof v.message === 'string' && typeof v.messageVi === 'string'
  );
}

/** The core could not be reached at all (server stopped, network down, page closed). */
export function unreachable(cause: unknown): ApiError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ApiError({
    code: 'UNAVAILABLE',
    message: `The SoHoa core cannot be reached (${reason}).`,
    messageVi: `Không kết nối được với lõi ứng dụng SoHoa (${reason}).`,
  });
}
