/**
 * The renderer's one door to the core. Inside Electron the preload exposes `window.sohoa`;
 * in a browser the same calls go over HTTP and events over a WebSocket. Screens cannot tell.
 */
import { electronTransport } from './electron-transport.js';
import { httpTransport } from './http-transport.js';
import { typed, type Transport } from './transport.js';

export { ApiError } from './api-error.js';
export type { ApiErrorBody } from './api-error.js';
export type {
  EventName,
  EventPayload,
  LinkState,
  MethodInput,
  MethodName,
  MethodOutput,
  Transport,
} from './transport.js';
export { ApiProvider, useApi } from './context.js';
export { useApiQuery } from './use-api-query.js';
export { useLinkState } from './use-link-state.js';
export type { ApiQuery } from './use-api-query.js';

export function createTransport(): Transport {
  return typed(window.sohoa ? electronTransport(window.sohoa) : httpTransport());
}
