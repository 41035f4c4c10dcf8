/**
 * The browser-mode token: a bearer header for scripts, an HttpOnly SameSite=Strict cookie for
 * the page (set once from `/?token=…`). Comparison is constant-time over fixed-length digests,
 * so neither the content nor the length of the token leaks through timing.
 *
 * The station token says "this is the counter's own page"; the clerk's session (local identity
 * mode) is a second HttpOnly cookie, set by sign-in and cleared by sign-out.
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

/** A cookie's value from a Cookie header, undefined when absent or malformed. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(pair.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The token a request presents: `Authorization: Bearer <t>` first, else the cookie. */
export function presentedToken(headers: {
  authorization?: string;
  cookie?: string;
}): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  if (bearer) return bearer[1];
  return cookieValue(headers.cookie, TOKEN_COOKIE);
}

export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`;
}
