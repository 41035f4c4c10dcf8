/**
 * The only bridge between the sandboxed renderer and the app: `window.sohoa` with exactly
 * `call(method, input)` and `on(event, listener)` over the API contract. Sandboxed preloads are
 * CommonJS and may only require 'electron', so the channel names are repeated here, typed
 * against src-main/api/ipc/channels.ts.
 */
// CommonJS under verbatimModuleSyntax can only import this way.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import electron = require('electron');
import type { CallChannel, EventChannel } from '../api/ipc/channels.js';
import type { CallEnvelope } from '../api/ipc/transport.js';
import type { EventMessage, SohoaApi } from '../api/contract/types.js';

const { contextBridge, ipcRenderer } = electron;
const CALL: CallChannel = 'sohoa:call';
const EVENT: EventChannel = 'sohoa:event';

const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on(EVENT, (_event, message: EventMessage) => {
  for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
});

const api: SohoaApi = {
  async call(method, input) {
    const envelope = (await ipcRenderer.invoke(CALL, method, input)) as CallEnvelope;
    if ('error' in envelope) throw envelope.error;
    return envelope.result as never;
  },
  on(event, listener) {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    const untyped = listener as (payload: unknown) => void;
    set.add(untyped);
    return () => {
      set.delete(untyped);
    };
  },
};

contextBridge.exposeInMainWorld('sohoa', api);
