/**
 * What the UI needs from the core, whichever way it is carried: the contract's typed `call`
 * and `on`, plus the state of the link. Electron's preload (`window.sohoa`) and the
 * browser-mode HTTP/WebSocket client both give this.
 */
import type { SohoaApi } from '../../src-main/api/contract/index.js';

export type { SohoaApi };
export type {
  EventName,
  EventPayload,
  MethodInput,
  MethodName,
  MethodOutput,
} from '../../src-main/api/contract/index.js';

/**
 * The state of the link to the core: events only flow while it is `open`; `unauthorized` means
 * the core refused this page's access token (browser mode opened without the printed URL).
 */
export type LinkState = 'connecting' | 'open' | 'closed' | 'unauthorized';

export interface Transport extends SohoaApi {
  readonly kind: 'electron' | 'http';
  /** Follow the link state; the listener is called at once with the current state. */
  onLink(listener: (state: LinkState) => void): () => void;
}

/** The untyped shape both carriers implement; the contract's types are laid over it once. */
export interface RawTransport {
  readonly kind: Transport['kind'];
  call(method: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  onLink(listener: (state: LinkState) => void): () => void;
}

/** Method and event names are checked against the contract by the callers' types. */
export function typed(raw: RawTransport): Transport {
  return raw as Transport;
}
