/**
 * The one error type that crosses layers. Every failure a person can see carries a stable
 * machine code and a plain message in Vietnamese and English; `details` holds context for logs
 * (never secrets). Transports map `code` to HTTP status / exit codes, not message text.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'UNAVAILABLE'
  | 'IO'
  | 'CANCELLED'
  | 'INTERNAL'
  | (string & {});

export interface LocalizedMessage {
  vi: string;
  en: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageVi: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: LocalizedMessage,
    options: { details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.messageVi = message.vi;
    this.details = options.details;
  }

  /** The message in the given language ('vi' default: the counters' language). */
  localized(lang: 'vi' | 'en' = 'vi'): string {
    return lang === 'vi' ? this.messageVi : this.message;
  }

  toJSON(): {
    code: string;
    message: string;
    messageVi: string;
    details?: Record<string, unknown>;
  } {
    return {
      code: this.code,
      message: this.message,
      messageVi: this.messageVi,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
