/**
 * The clerk's session in browser mode: an HttpOnly, SameSite=Strict cookie, so page script never
 * holds the token. Its lifetime is the server's business (expiry is checked on every call); the
 * cookie lives for the browser session only.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionSlot } from '../handler.js';
import { cookieValue } from './auth.js';

export const SESSION_COOKIE = 'sohoa_session';

function sessionCookie(token: string | undefined): string {
  return token === undefined
    ? `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`
    : `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`;
}

/** The session of one request; setting it answers with the cookie. */
export function requestSession(request: FastifyRequest, reply: FastifyReply): SessionSlot {
  let token = cookieValue(request.headers.cookie, SESSION_COOKIE);
  return {
    get token() {
      return token;
    },
    set(next) {
      token = next;
      reply.header('Set-Cookie', sessionCookie(next));
    },
  };
}
