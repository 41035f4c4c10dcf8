/**
 * Offline transfer: a dossier exported at a counter without a line is imported at another
 * station and delivered from there; a damaged package is refused and changes nothing.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  OutboxStore,
  SyncEngine,
  importPackage,
  startGateway,
  writePackage,
} from '../../src-main/sync/index.js';
import type { RunningGateway } from '../../src-main/sync/index.js';
import { CREDENTIALS, entry, settingsFor, syncDb, tempDir } from './fixtures.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

describe('offline transfer packages', () => {
  it('export at counter A, import-package at station B, B delivers it with an official code', async () => {
    const dir = tempDir('package');
    const gw: RunningGateway = await startGateway({
      dataDir: join(dir, 'gw'),
      credentials: CREDENTIALS,
    });
    cleanups.push(() => gw.close());
    const dbA = await syncDb(join(dir, 'a'));
    cleanups.push(() => dbA.close());
    const outboxA = new OutboxStore(dbA, Date.now);
    const original = entry(join(dir, 'a', 'files'), 7);
    outboxA.enqueue(original);
    const item = outboxA.all()[0];
    if (!item) throw new Error('not queued');
    const pkg = join(dir, 'transfer.zip');
    const written = await writePackage(
      { dossier: item.dossier, files: outboxA.files(item.id) },
      pkg,
    );
    expect(written.files).toBe(3);

    const stationB = join(dir, 'b');
    const dbB = await syncDb(stationB);
    cleanups.push(() => dbB.close());
    const engineB = new SyncEngine({ db: dbB, settings: settingsFor(gw) });
    const imported = await importPackage(pkg, stationB, engineB.outbox);
    expect(imported).toEqual({ code: original.dossier.MaHoSo, files: 3, outcome: 'queued' });
    // files now live at B, by content
    expect(readdirSync(join(stationB, 'sync', 'packages')).sort()).toEqual(
      original.files.map((f) => `${f.sha256}.pdf`).sort(),
    );

    await engineB.runUntilIdle();
    expect(engineB.outbox.all()).toEqual([]);
    const [receipt] = engineB.outbox.receipts();
    expect(receipt?.provisionalCode).toBe(original.dossier.MaHoSo);
    const remote = gw.repo.dossier(receipt?.MaHoSo ?? '');
    expect(remote?.ChuHoSo).toBe(original.dossier.ChuHoSo);
    expect(remote?.TaiLieuNop.map((d) => d.HashTepTin)).toEqual(
      original.files.map((f) => f.sha256),
    );
  });

  it('a damaged package is refused with a clear message and queues nothing', async () => {
    const dir = tempDir('package-bad');
    const e = entry(join(dir, 'files'), 8);
    const path = e.files[2]?.path ?? '';
    const pkg = join(dir, 'bad.zip');
    // a file that changed length after it was queued cannot even be packaged
    writeFileSync(path, 'bytes that are not the scanned page');
    await expect(writePackage(e, pkg)).rejects.toThrow(/Cannot write the dossier package/);
    expect(existsSync(pkg) || existsSync(`${pkg}.partial`)).toBe(false);
    // one that changed in place (same length) is packaged, and refused where it is imported
    writeFileSync(path, Buffer.alloc(e.files[2]?.size ?? 0, 0x41));
    await writePackage(e, pkg);
    const db = await syncDb(join(dir, 'b'));
    cleanups.push(() => db.close());
    const outbox = new OutboxStore(db, Date.now);
    await expect(importPackage(pkg, join(dir, 'b'), outbox)).rejects.toThrow(
      /damaged \(sha256 mismatch\)/,
    );
    expect(outbox.all()).toEqual([]);
    expect(
      existsSync(join(dir, 'b', 'sync', 'packages'))
        ? readdirSync(join(dir, 'b', 'sync', 'packages'))
        : [],
    ).toEqual([]);

    writeFileSync(join(dir, 'not.zip'), 'PK but not really');
    await expect(importPackage(join(dir, 'not.zip'), join(dir, 'b'), outbox)).rejects.toThrow(
      /not a readable zip/,
    );
  });
});
