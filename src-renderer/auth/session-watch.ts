/**
 * Notices, on any screen's call, that the clerk's session is gone (expired, ended, disabled) or
 * the screen was locked elsewhere, so the gate can ask for the password again instead of every
 * screen showing its own error.
 */
import { ApiError, type Transport } from '../api/index.js';

const SESSION_CODES = new Set([
  'SIGN_IN_REQUIRED',
  'SESSION_EXPIRED',
  'SESSION_LOCKED',
  'ACCOUNT_DISABLED',
]);

export function watchSession(transport: Transport, onLost: (error: ApiError) => void): Transport {
  const call = (async (method: string, input: unknown) => {
    try {
      return await (transport.call as (m: string, i: unknown) => Promise<unknown>)(method, input);
    } catch (error) {
      if (error instanceof ApiError && SESSION_CODES.has(error.code)) onLost(error);
      throw error;
    }
  }) as Transport['call'];
  return {
    kind: transport.kind,
    call,
    on: transport.on.bind(transport),
    onLink: transport.onLink.bind(transport),
  };
}
