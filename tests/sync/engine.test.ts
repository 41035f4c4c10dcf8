import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncEngine, startGateway } from '../../src-main/sync/index.js';
import type { RunningGateway } from '../../src-main/sync/index.js';
import { CREDENTIALS, entry, settingsFor, syncDb, tempDir } from './fixtures.js';

const running: RunningGateway[] = [];
afterEach(async () => {
  while (running.length) await running.pop()?.close();
});

async function gateway(dir: string, faults = {}): Promise<RunningGateway> {
  const gw = await startGateway({
    dataDir: join(dir, 'gateway'),
    credentials: CREDENTIALS,
    faults,
  });
  running.push(gw);
  return gw;
}

describe('sync engine against the reference gateway', () => {
  it('sends a provisional dossier: official code leased, files uploaded, one revision, outbox empty', async () => {
    const dir = tempDir('engine');
    const gw = await gateway(dir);
    const db = await syncDb(dir);
    const replaced: string[] = [];
    const engine = new SyncEngine({
      db,
      settings: settingsFor(gw),
      station: {
        replaceCode: (_id, from, to) => replaced.push(`${from}->${to}`),
        freeLeasedCodes: () => 100,
        addLeasedCodes: () => {},
        saveCatalog: () => {},
        acknowledged: () => {},
        needsAttention: () => {},
        remoteStatus: () => {},
        pending: () => [],
      },
    });
    const input = entry(join(dir, 'files'), 1);
    engine.outbox.enqueue(input);
    const state = await engine.runUntilIdle();
    expect(state.connectivity).toBe('online');
    expect(engine.outbox.all()).toEqual([]);
    const [receipt] = engine.outbox.receipts();
    expect(receipt?.provisionalCode).toBe(input.dossier.MaHoSo);
    expect(receipt?.MaHoSo).toMatch(/^000\.00\.06\.H56-261126-\d{4}$/);
    expect(replaced).toEqual([`${input.dossier.MaHoSo}->${receipt?.MaHoSo}`]);
    const remote = gw.repo.dossier(receipt?.MaHoSo ?? '');
    expect(remote?.PhienBan).toBe('1');
    expect(remote?.TaiLieuNop).toHaveLength(3);
    for (const [i, doc] of (remote?.TaiLieuNop ?? []).entries()) {
      const local = readFileSync(input.files[i]?.path ?? '');
      const stored = readFileSync(join(dir, 'gateway', 'uploads', doc.TepDinhKemId));
      expect(createHash('sha256').update(stored).digest('hex')).toBe(
        createHash('sha256').update(local).digest('hex'),
      );
    }
    db.close();
  });

  it('an edit after acknowledgement becomes revision 2, and sending it again changes nothing', async () => {
    const dir = tempDir('edit');
    const gw = await gateway(dir);
    const db = await syncDb(dir);
    const engine = new SyncEngine({ db, settings: settingsFor(gw) });
    const first = entry(join(dir, 'files'), 2);
    engine.outbox.enqueue(first);
    await engine.runUntilIdle();
    const code = engine.outbox.receipts()[0]?.MaHoSo ?? '';
    const edited = {
      ...first,
      dossier: { ...first.dossier, MaHoSo: code, DiaChi: 'Tổ 3, phường Quyết Thắng' },
    };
    engine.outbox.enqueue(edited);
    await engine.runUntilIdle();
    expect(gw.repo.dossier(code)?.PhienBan).toBe('2');
    engine.outbox.enqueue(edited);
    await engine.runUntilIdle();
    expect(gw.repo.dossier(code)?.PhienBan).toBe('2');
    expect(gw.repo.summary().revisions).toBe(2);
    // the files were uploaded once: the edit reused the finished uploads
    expect(gw.repo.summary().files).toBe(3);
    db.close();
  });
});
