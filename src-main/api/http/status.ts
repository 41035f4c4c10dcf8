/** HTTP status for each AppError code; anything unlisted is a server error. */
const statusByCode: Record<string, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAVAILABLE: 503,
};

export function httpStatus(code: string): number {
  return statusByCode[code] ?? 500;
}
