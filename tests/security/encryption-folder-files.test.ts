/**
 * The sealed files outside the blob store — a page in the scanner spool, a batch run's page, a
 * PDF imported from another counter's package — follow the folder's key: `key rotate` re-seals
 * them with the new key before the old one is forgotten (else they would be lost with it), and
 * `key encrypt` seals the ones a folder from before encryption left plain.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dataKeyName, openFileBytes, sealedKeyId } from '../../src-main/platform/index.js';
import { OutDirDestination } from '../../src-main/scan/index.js';
import { SpoolWriter, toWireKey } from '../../src-main/scan/host/spool.js';
import { changeDataKey, migrate, openDatabase, type Store } from '../../src-main/store/index.js';
import { OutboxStore, importPackage, writePackage } from '../../src-main/sync/index.js';
import { entry } from '../sync/fixtures.js';
import { openIn, sandbox, scannedPage, type Sandbox } from './keys-fixtures.js';

let box: Sandbox;
afterEach(() => box.remove());

/** Pixels the way a scanner streams them, in pieces that do not match the 64 KiB segments. */
const SPOOLED = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7) % 251));

/** Puts one file of each kind in the folder; returns each file with its plain content. */
async function fill(store: Store): Promise<Map<string, Buffer>> {
  const dir = store.dataDir;
  const files = new Map<string, Buffer>();

  const spoolDir = join(dir, 'spool', 'scan', 'scan-1');
  mkdirSync(spoolDir, { recursive: true });
  const key = store.keys.writeKey();
  const spool = new SpoolWriter(spoolDir, 1, key ? toWireKey(key) : undefined);
  spool.beginFrame({ format: 'gray', depth: 8, bytesPerLine: 1000, pixelsPerLine: 1000 });
  for (let at = 0; at < SPOOLED.length; at += 40_000) {
    const piece = SPOOLED.subarray(at, at + 40_000);
    spool.write(Buffer.from(piece), piece.length);
  }
  spool.endFrame();
  files.set(spool.finish({ device: 'test:0', dpi: 300 }).dataFile, SPOOLED);

  const png = await scannedPage(3);
  const run = new OutDirDestination(join(dir, 'batch', 'job-1', 'run-0001'), store.keys);
  const landed = await run.land({
    index: 1,
    mime: 'image/png',
    bytes: png,
    width: 96,
    height: 64,
    dpi: 300,
    completedAt: Date.now(),
    origin: { device: 'test:0' },
  });
  files.set((landed.location as { path: string }).path, png);

  const source = entry(join(box.root, 'usb'), 4, { fileCount: 1 });
  const pkg = join(box.root, 'usb', 'transfer.zip');
  await writePackage(source, pkg);
  await importPackage(pkg, dir, new OutboxStore(store.db, Date.now), store.keys);
  const pdf = readFileSync(source.files[0]!.path);
  files.set(join(dir, 'sync', 'packages', `${source.files[0]!.sha256}.pdf`), pdf);
  return files;
}

function expectSealedWith(files: Map<string, Buffer>, keyId: string, store: Store) {
  for (const [file, plain] of files) {
    const stored = readFileSync(file);
    expect(sealedKeyId(stored), file).toBe(keyId);
    expect(openFileBytes(stored, store.keys.keyFor).equals(plain), file).toBe(true);
  }
}

describe('sealed files outside the blob store follow the key', () => {
  it('key rotate re-seals the spool page, the batch page and the imported PDF with the new key', async () => {
    box = sandbox('sohoa-folder-files-');
    const store = await openIn(box);
    const files = await fill(store);
    const old = store.keys.currentId!;
    expectSealedWith(files, old, store);
    store.close();

    const report = await changeDataKey(box.dataDir, {
      mode: 'rotate',
      keychain: box.keychain,
      env: box.env,
    });
    expect(report).toMatchObject({ from: old, filesResealed: 3 });
    expect(box.keychain.get(dataKeyName(old))).toBeUndefined();
    const after = await openIn(box);
    try {
      expectSealedWith(files, report.to, after);
      // nothing left beside them from the re-sealing
      expect(readdirSync(join(box.dataDir, 'sync', 'packages'))).toHaveLength(1);
    } finally {
      after.close();
    }

    // A second rotation moves them on again.
    const again = await changeDataKey(box.dataDir, {
      mode: 'rotate',
      keychain: box.keychain,
      env: box.env,
    });
    expect(again.filesResealed).toBe(3);
    const third = await openIn(box);
    try {
      expectSealedWith(files, again.to, third);
    } finally {
      third.close();
    }
  });

  it('key encrypt seals what a folder from before encryption left plain', async () => {
    box = sandbox('sohoa-folder-files-legacy-');
    mkdirSync(box.dataDir, { recursive: true });
    const plainDb = openDatabase(join(box.dataDir, 'sohoa.db'));
    await migrate(plainDb);
    plainDb.close();
    const legacy = await openIn(box);
    expect(legacy.keys.encrypted).toBe(false);
    const files = await fill(legacy);
    legacy.close();
    for (const [file, plain] of files) {
      expect(sealedKeyId(readFileSync(file)), file).toBeUndefined();
      expect(readFileSync(file).equals(plain)).toBe(true);
    }

    const report = await changeDataKey(box.dataDir, {
      mode: 'encrypt',
      keychain: box.keychain,
      env: box.env,
    });
    expect(report).toMatchObject({ from: null, filesResealed: 3 });
    const store = await openIn(box);
    try {
      expectSealedWith(files, report.to, store);
      const hash = createHash('sha256');
      const [pdfFile] = [...files.keys()].filter((f) => f.endsWith('.pdf'));
      hash.update(openFileBytes(readFileSync(pdfFile!), store.keys.keyFor));
      expect(pdfFile).toContain(hash.digest('hex'));
    } finally {
      store.close();
    }
  });
});
