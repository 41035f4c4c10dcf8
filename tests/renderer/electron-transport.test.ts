/**
 * The renderer's Electron path against the real IPC transport and a real core: the bridge
 * below does what the preload does (invoke the call channel, unwrap the envelope, fan events
 * out to listeners), with an in-process stand-in for ipcMain, since tests have no Electron
 * binary. Checks that the renderer gets typed results, ApiErrors with both languages, and
 * events — the same behaviour it gets over HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CALL_CHANNEL,
  serveIpc,
  type CallEnvelope,
  type EventMessage,
  type SohoaApi,
} from '../../src-main/api/index.js';
import { createCore, type Core } from '../../src-main/core/index.js';
import { ApiError } from '../../src-renderer/api/api-error.js';
import { electronTransport } from '../../src-renderer/api/electron-transport.js';
import { typed, type Transport } from '../../src-renderer/api/transport.js';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<CallEnvelope>;

let dir: string;
let core: Core;
let stop: () => void;
let trusted = true;
const handlers = new Map<string, Handler>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();

const bridge: SohoaApi = {
  async call(method, input) {
    const handler = handlers.get(CALL_CHANNEL);
    if (!handler) throw new Error('no IPC handler registered');
    const envelope = await handler({} as IpcMainInvokeEvent, method, input);
    if ('error' in envelope) throw envelope.error;
    return envelope.result as never;
  },
  on(event, listener) {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener as (payload: unknown) => void);
    return () => set.delete(listener as (payload: unknown) => void);
  },
};

let api: Transport;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sohoa-renderer-ipc-'));
  core = createCore({
    dataDir: join(dir, 'data'),
    env: { SOHOA_MACHINE_CONFIG: join(dir, 'machine.json') },
  });
  stop = serveIpc({
    ipcMain: {
      handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
      removeHandler: (channel: string) => void handlers.delete(channel),
    } as Parameters<typeof serveIpc>[0]['ipcMain'],
    core,
    isTrustedSender: () => trusted,
    broadcast: (message: EventMessage) => {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
    },
  });
  api = typed(electronTransport(bridge));
});

afterAll(async () => {
  stop();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('renderer over Electron IPC', () => {
  it('gets typed results from the core and reports an always-open link', async () => {
    const info = await api.call('app.info', {});
    expect(info).toMatchObject({
      name: 'SoHoa',
      transport: 'electron',
      dataDir: join(dir, 'data'),
    });
    const states: string[] = [];
    api.onLink((state) => states.push(state));
    expect(states).toEqual(['open']);
  });

  it('turns refused calls into ApiErrors with the Vietnamese and English message', async () => {
    const bad = await (api.call as (m: string, i: unknown) => Promise<unknown>)('config.set', {
      patch: {},
    }).catch((error: unknown) => error);
    expect(bad).toBeInstanceOf(ApiError);
    expect((bad as ApiError).code).toBe('VALIDATION');
    expect((bad as ApiError).localized('vi')).toMatch(/config\.set/);
    expect((bad as ApiError).localized('en')).not.toBe((bad as ApiError).localized('vi'));

    const unknown = await (api.call as (m: string, i: unknown) => Promise<unknown>)(
      'no.such',
      {},
    ).catch((error: unknown) => error);
    expect((unknown as ApiError).code).toBe('NOT_FOUND');

    trusted = false;
    try {
      const refused = await api.call('app.info', {}).catch((error: unknown) => error);
      expect((refused as ApiError).code).toBe('FORBIDDEN');
      expect((refused as ApiError).messageVi).toBe('Lời gọi không đến từ ứng dụng');
    } finally {
      trusted = true;
    }
  });

  it('delivers events until the listener unsubscribes', async () => {
    const seen: string[] = [];
    const off = api.on('config.changed', (view) => seen.push(view.config.ui.language));
    await api.call('config.set', { patch: { ui: { language: 'en' } } });
    off();
    await api.call('config.set', { patch: { ui: { language: 'vi' } } });
    expect(seen).toEqual(['en']);
  });
});
