/**
 * The Electron transport: the preload's `window.sohoa` bridge (contextBridge over ipcRenderer).
 * Errors cross the bridge as plain objects; they are turned back into ApiError here.
 */
import { ApiError, isApiErrorBody, unreachable } from './api-error.js';
import type { LinkState, RawTransport, SohoaApi } from './transport.js';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in a browser. */
    sohoa?: SohoaApi;
  }
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (isApiErrorBody(error)) return new ApiError(error);
  return unreachable(error);
}

export function electronTransport(bridge: SohoaApi): RawTransport {
  const raw = bridge as unknown as Pick<RawTransport, 'call' | 'on'>;
  return {
    kind: 'electron',
    async call(method, input) {
      try {
        return await raw.call(method, input);
      } catch (error) {
        throw toApiError(error);
      }
    },
    on: (event, listener) => raw.on(event, listener),
    // The IPC link lives as long as the window: it is always open.
    onLink(listener: (state: LinkState) => void) {
      listener('open');
      return () => undefined;
    },
  };
}
