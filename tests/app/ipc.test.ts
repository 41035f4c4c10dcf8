import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CALL_CHANNEL,
  serveIpc,
  type CallEnvelope,
  type EventMessage,
} from '../../src-main/api/index.js';
import { isAppUrl } from '../../src-main/app/security.js';
import { createCore, type Core } from '../../src-main/core/index.js';

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

/** The part of Electron's ipcMain the transport uses (no Electron binary on CI). */
class IpcMainStandIn {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(url: string, ...args: unknown[]): Promise<CallEnvelope> {
    const handler = this.handlers.get(CALL_CHANNEL);
    if (!handler) throw new Error('no handler');
    return handler(
      { senderFrame: { url } } as unknown as IpcMainInvokeEvent,
      ...args,
    ) as Promise<CallEnvelope>;
  }
}

let core: Core | undefined;
let dir: string | undefined;
afterEach(async () => {
  await core?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Electron IPC transport', () => {
  it('answers app frames with the HTTP envelope, refuses other frames and forwards events', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sohoa-ipc-'));
    core = createCore({ dataDir: dir, env: { SOHOA_MACHINE_CONFIG: join(dir, 'none.json') } });
    const ipcMain = new IpcMainStandIn();
    const sent: EventMessage[] = [];
    const stop = serveIpc({
      ipcMain: ipcMain as never,
      core,
      isTrustedSender: (event) => isAppUrl(event.senderFrame?.url),
      broadcast: (message) => sent.push(message),
    });

    const info = await ipcMain.invoke('sohoa://app/index.html', 'app.info', {});
    expect(info).toMatchObject({ result: { name: 'SoHoa', transport: 'electron' } });

    const bad = await ipcMain.invoke('sohoa://app/index.html', 'config.set', {
      patch: { ui: { language: 'fr' } },
    });
    expect(bad).toMatchObject({ error: { code: 'VALIDATION' } });
    expect('error' in bad && bad.error.message).toContain('ui.language');

    const foreign = await ipcMain.invoke('https://example.com/', 'app.info', {});
    expect(foreign).toMatchObject({ error: { code: 'FORBIDDEN' } });

    await ipcMain.invoke('sohoa://app/index.html', 'config.set', {
      patch: { ui: { language: 'en' } },
    });
    expect(sent.map((m) => m.event)).toEqual(['config.changed']);

    stop();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
