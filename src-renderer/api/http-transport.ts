/**
 * Browser mode: `POST /api/call/<method>` for calls, one WebSocket on `/api/events` for events.
 * The session cookie set when the page was opened with `?token=` authenticates both, so no
 * secret ever sits in page script. The socket reconnects with backoff, because the core may be
 * restarted while a clerk keeps the page open.
 */
import { ApiError, isApiErrorBody, unreachable } from './api-error.js';
import type { LinkState, RawTransport } from './transport.js';

type Listener = (payload: unknown) => void;

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 10_000;

/** Used when a response carries no error body of its own (e.g. a proxy's 502). */
function errorForStatus(status: number): ApiError {
  return new ApiError(
    {
      code: status === 401 ? 'UNAUTHORIZED' : status === 403 ? 'FORBIDDEN' : 'INTERNAL',
      message: `The core answered HTTP ${status}.`,
      messageVi: `Lõi ứng dụng trả về mã HTTP ${status}.`,
    },
    status,
  );
}

export function httpTransport(base: URL = new URL('/', window.location.href)): RawTransport {
  const listeners = new Map<string, Set<Listener>>();
  const linkListeners = new Set<(state: LinkState) => void>();
  let socketState: Exclude<LinkState, 'unauthorized'> = 'connecting';
  // Sticky until a call succeeds or the socket opens: a WebSocket cannot see the 401 itself.
  let unauthorized = false;
  let link: LinkState = 'connecting';
  let socket: WebSocket | undefined;
  let retryMs = RECONNECT_MIN_MS;

  const publish = () => {
    const state = unauthorized ? 'unauthorized' : socketState;
    if (state === link) return;
    link = state;
    for (const listener of linkListeners) listener(state);
  };
  const setSocket = (state: typeof socketState) => {
    socketState = state;
    if (state === 'open') unauthorized = false;
    publish();
  };
  const setAuthorized = (authorized: boolean) => {
    unauthorized = !authorized;
    publish();
  };

  const connect = () => {
    const url = new URL('api/events', base);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    setSocket('connecting');
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      retryMs = RECONNECT_MIN_MS;
      setSocket('open');
    });
    ws.addEventListener('message', (message) => {
      if (typeof message.data !== 'string') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.data);
      } catch {
        console.warn('SoHoa: ignored an event that is not JSON');
        return;
      }
      const { event, payload } = (parsed ?? {}) as { event?: unknown; payload?: unknown };
      if (typeof event !== 'string') return;
      for (const listener of listeners.get(event) ?? []) listener(payload);
    });
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      setSocket('closed');
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, RECONNECT_MAX_MS);
    });
  };
  connect();

  return {
    kind: 'http',
    async call(method, input) {
      let response: Response;
      try {
        response = await fetch(new URL(`api/call/${encodeURIComponent(method)}`, base), {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch (error) {
        throw unreachable(error);
      }
      const body: unknown = await response.json().catch(() => undefined);
      if (response.status === 401) setAuthorized(false);
      else if (response.ok) setAuthorized(true);
      if (response.ok && typeof body === 'object' && body !== null && 'result' in body) {
        return (body as { result: unknown }).result;
      }
      const error = (body as { error?: unknown } | undefined)?.error;
      throw isApiErrorBody(error)
        ? new ApiError(error, response.status)
        : errorForStatus(response.status);
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    onLink(listener) {
      linkListeners.add(listener);
      listener(link);
      return () => linkListeners.delete(listener);
    },
  };
}
