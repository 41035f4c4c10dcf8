/**
 * The browser-mode token: a bearer header for scripts, an HttpOnly SameSite=Strict cookie for
 * the page (set once from `/?token=…`). Comparison is constant-time over fixed-length digests,
 * so neither the content nor the length of the token leaks through timing.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_COOKIE = 'sohoa_token';

/** 32 random bytes, URL-safe: long enough that guessing is not an attack. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

export function tokenMatcher(expected: string): (candidate: string | undefined) => boolean {
  const want = digest(expected);
  return (candidate) => candidate !== undefined && timingSafeEqual(digest(candidate), want);
}

/** The token a request presents: `Authorization: Bearer <t>` first, else the cookie. */
export function presentedToken(headers: {
  authorization?: string;
  cookie?: string;
}): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  if (bearer) return bearer[1];
  for (const pair of (headers.cookie ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === TOKEN_COOKIE) {
      try {
        return decodeURIComponent(pair.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`;
}
