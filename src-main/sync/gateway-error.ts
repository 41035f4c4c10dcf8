/**
 * What can go wrong talking to the gateway, sorted by what the engine must do about it:
 * - `offline`: no answer at all (refused, reset, timeout): wait for the line, do not count it
 *   against the dossier;
 * - `retryable`: the province is busy or broken for now (5xx, 429): back off, honour Retry-After;
 * - `auth`: the credentials are refused: stop and tell IT staff, keep everything queued;
 * - `protocol`: the answer is not the contract (HTML, garbage JSON, wrong shape): keep everything
 *   queued, retry later, and show it — usually a proxy or captive portal in the way;
 * - `attention`: the province refused this dossier (409/422): the clerk must act, with the
 *   province's own message;
 * - `rejected-file`: the province refused a file's bytes (460): send the file again.
 */
import { AppError } from '../domain/index.js';

export type GatewayErrorKind =
  'offline' | 'retryable' | 'auth' | 'protocol' | 'attention' | 'rejected-file';

export class GatewayError extends AppError {
  readonly kind: GatewayErrorKind;
  readonly status: number | undefined;
  /** The province's message (Vietnamese), when it sent one. */
  readonly serverMessage: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    kind: GatewayErrorKind,
    message: { vi: string; en: string },
    options: {
      status?: number;
      serverMessage?: string;
      retryAfterMs?: number;
      details?: Record<string, unknown>;
      cause?: unknown;
    } = {},
  ) {
    super(`GATEWAY_${kind.toUpperCase().replace('-', '_')}`, message, {
      details: { ...options.details, status: options.status },
      cause: options.cause,
    });
    this.kind = kind;
    this.status = options.status;
    this.serverMessage = options.serverMessage;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export function isGatewayError(value: unknown): value is GatewayError {
  return value instanceof GatewayError;
}

/** Turns a thrown fetch / socket failure into an `offline` GatewayError. */
export function networkFailure(cause: unknown, what: string): GatewayError {
  const reason =
    cause instanceof Error
      ? ((cause.cause as Error | undefined)?.message ?? cause.message)
      : String(cause);
  return new GatewayError(
    'offline',
    {
      vi: `Không kết nối được cổng kết nối tỉnh (${what}): ${reason}`,
      en: `Cannot reach the provincial gateway (${what}): ${reason}`,
    },
    { cause, details: { what } },
  );
}
