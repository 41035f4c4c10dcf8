/**
 * HTTP status for each AppError code. Capability codes name their category in their suffix
 * (`SCAN_UNAVAILABLE`, `DOSSIER_NOT_FOUND`), so they map like the category itself; the clerk
 * identity codes map one by one (a locked account or screen is 423 Locked); anything else is a
 * server error.
 */
const statusByCategory: Record<string, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAVAILABLE: 503,
  SIGN_IN_FAILED: 401,
  SIGN_IN_REQUIRED: 401,
  SESSION_EXPIRED: 401,
  SESSION_LOCKED: 423,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
};

export function httpStatus(code: string): number {
  const exact = statusByCategory[code];
  if (exact !== undefined) return exact;
  const category = Object.keys(statusByCategory).find((c) => code.endsWith(`_${c}`));
  return category === undefined ? 500 : (statusByCategory[category] ?? 500);
}
