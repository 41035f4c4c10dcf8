/**
 * The sync engine slot replaces the running engine when the settings change (Settings in the app)
 * without losing or repeating an upload under way: the old engine's pass ends first, the new one
 * carries on from the outbox. Against the reference gateway, with a bandwidth cap so the change
 * lands mid-upload.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncEngine, SyncEngineSlot, startGateway } from '../../src-main/sync/index.js';
import type { EngineRecipe, RunningGateway, SyncSettings } from '../../src-main/sync/index.js';
import { CREDENTIALS, entry, settingsFor, syncDb, tempDir } from './fixtures.js';

const running: RunningGateway[] = [];
const slots: SyncEngineSlot[] = [];
afterEach(async () => {
  while (slots.length) await slots.pop()?.stop();
  while (running.length) await running.pop()?.close();
});

describe('sync engine slot', () => {
  it('a settings change mid-upload waits for the pass under way; every file is sent once', async () => {
    const dir = tempDir('slot');
    const gw = await startGateway({
      dataDir: join(dir, 'gateway'),
      port: 0,
      credentials: CREDENTIALS,
    });
    running.push(gw);
    const db = await syncDb(dir);
    // 3 files of 256 KiB at 256 KiB/s: the upload takes about 3 s, so a change lands in it.
    let recipe: EngineRecipe = {
      settings: settingsFor(gw, { bandwidthLimit: 256 * 1024, concurrency: 1 }),
      enabled: true,
    };
    const made: SyncEngine[] = [];
    const slot = new SyncEngineSlot({
      recipe: () => recipe,
      create: async (settings: SyncSettings) => {
        const engine = new SyncEngine({ db, settings });
        made.push(engine);
        return engine;
      },
    });
    slots.push(slot);
    const first = await slot.current();
    expect(first).toBeDefined();
    first?.outbox.enqueue(entry(join(dir, 'files'), 1, { fileSize: 256 * 1024 }));
    first?.wake();
    await expect
      .poll(() => first?.bytesSent ?? 0, { timeout: 30_000, interval: 20 })
      .toBeGreaterThan(0);

    // Same settings: the running engine stays.
    expect(await slot.reconfigure()).toBe(first);
    // Changed settings (the cap lifted): a new engine after the old one's pass.
    recipe = { ...recipe, settings: settingsFor(gw, { concurrency: 1 }) };
    const second = await slot.reconfigure();
    expect(second).not.toBe(first);
    expect(made).toHaveLength(2);
    // The old engine finished the upload it had started before it made way.
    expect(gw.repo.summary()).toMatchObject({ files: 3 });
    second?.wake();

    await expect
      .poll(() => gw.repo.summary(), { timeout: 30_000, interval: 100 })
      .toMatchObject({ dossiers: 1, revisions: 1, files: 3 });
    await expect.poll(() => second?.outbox.all().length, { timeout: 30_000 }).toBe(0);
    expect(second?.outbox.receipts()).toHaveLength(1);
    // Bytes on the line: each file once, whichever engine sent it.
    expect((first?.bytesSent ?? 0) + (second?.bytesSent ?? 0)).toBe(3 * 256 * 1024);

    // Not configured any more (e.g. the secret cleared): no engine, and the old one stopped.
    recipe = { settings: undefined, enabled: true };
    expect(await slot.reconfigure()).toBeUndefined();
    expect(await slot.current()).toBeUndefined();
    db.close();
  }, 90_000);
});
