/**
 * Issue #12's acceptance: with the key absent, nothing in the data folder gives away a citizen —
 * every file is read raw (database, WAL and SHM while the app has it open, blobs, logs, config)
 * and searched for the planted name (accented and folded), CCCD number, address, OCR text and the
 * scanned image's bytes. With the key, everything opens. A folder from before encryption keeps
 * opening, and `key encrypt` leaves the same nothing behind.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/index.js';
import { dossierService, storeService } from '../../src-main/core/dossiers/index.js';
import { FileKeychain, createFileLogger } from '../../src-main/platform/index.js';
import { changeDataKey, migrate, openDatabase, openStore } from '../../src-main/store/index.js';
import {
  AGENCY,
  CITIZEN,
  openIn,
  plantCitizen,
  sandbox,
  scannedPage,
  type Sandbox,
} from './keys-fixtures.js';

let box: Sandbox;
afterEach(() => box.remove());

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** What a thief could look for: text in UTF-8 (and its folded form), and pieces of the image. */
function needles(image: Buffer): Array<{ what: string; bytes: Buffer }> {
  const text = [CITIZEN.name, CITIZEN.folded, CITIZEN.cccd, CITIZEN.address, CITIZEN.ocr];
  const out: Array<{ what: string; bytes: Buffer }> = text.flatMap((t) => [
    { what: t, bytes: Buffer.from(t.normalize('NFC')) },
    { what: `${t} (NFD)`, bytes: Buffer.from(t.normalize('NFD')) },
  ]);
  // Any 48 bytes from the middle of the PNG (uncompressed: these are its pixels).
  for (let at = 200; at + 48 < image.length; at += Math.floor(image.length / 6))
    out.push({ what: `image bytes @${at}`, bytes: image.subarray(at, at + 48) });
  return out;
}

function leaks(dataDir: string, image: Buffer): string[] {
  const found: string[] = [];
  for (const file of filesUnder(dataDir)) {
    const raw = readFileSync(file);
    for (const n of needles(image)) if (raw.includes(n.bytes)) found.push(`${n.what} in ${file}`);
  }
  return found;
}

describe('encryption at rest', () => {
  it('leaves no name, CCCD, address, OCR text or image readable in any file, even mid-use', async () => {
    box = sandbox('sohoa-at-rest-');
    const logger = await createFileLogger({
      dataDir: box.dataDir,
      level: 'trace',
      maxFileSizeMb: 10,
      keepFiles: 2,
    });
    const core = createCore({
      dataDir: box.dataDir,
      logger: logger.logger,
      env: { ...box.env, SOHOA_AGENCY_CODE: AGENCY },
    });
    const image = await scannedPage(7);
    try {
      // the real services, as the app and `sohoa serve` run them
      const service = await core.use(dossierService);
      const store = await core.use(storeService);
      const created = service.create(
        {
          MaTTHC: '1.001193',
          ChuHoSo: CITIZEN.name,
          SoDinhDanh: CITIZEN.cccd,
          DiaChi: CITIZEN.address,
        },
        'clerk-01',
      );
      const component = store.dossiers.components(created.dossier.id)[0]!;
      const page = store.addPage({ componentId: component.id, bytes: image, mime: 'image/png' });
      store.setPageOcr({
        pageId: page.id,
        text: CITIZEN.ocr,
        words: [],
        confidence: 0.9,
        engine: 'test',
      });
      expect(service.search({ query: CITIZEN.folded }).length).toBeGreaterThan(0);

      // the app is running: the WAL and SHM hold the latest pages of the database
      expect(existsSync(join(box.dataDir, 'sohoa.db-wal'))).toBe(true);
      expect(leaks(box.dataDir, image)).toEqual([]);
    } finally {
      await core.close();
      await logger.close();
    }
    expect(filesUnder(join(box.dataDir, 'blobs')).length).toBeGreaterThan(0);
    expect(leaks(box.dataDir, image)).toEqual([]);

    // Without the key (another user, a copied folder) the store does not open…
    const elsewhere = new FileKeychain(join(box.root, 'other-keychain'));
    await expect(
      openStore(box.dataDir, { keychain: elsewhere, env: box.env }),
    ).rejects.toMatchObject({
      code: 'KEY_MISSING',
    });
    // …with it, everything does.
    const again = await openStore(box.dataDir); // the process keychain the core used
    try {
      const [hit] = again.search.search({ query: CITIZEN.folded });
      expect(hit).toBeDefined();
      const pages = again.db.prepare('SELECT id FROM pages').all() as Array<{ id: number }>;
      expect(again.readPage(pages[0]!.id).bytes.equals(image)).toBe(true);
    } finally {
      again.close();
    }
  });

  it('keeps a folder from before encryption opening, and `key encrypt` leaves nothing readable', async () => {
    box = sandbox('sohoa-legacy-');
    // A folder written before encryption existed: a plain database, no encryption.json.
    mkdirSync(box.dataDir, { recursive: true });
    const plain = openDatabase(join(box.dataDir, 'sohoa.db'));
    await migrate(plain);
    plain.close();
    const legacy = await openIn(box);
    const { pageId, image } = await plantCitizen(legacy);
    legacy.close();
    expect(existsSync(join(box.dataDir, 'encryption.json'))).toBe(false);
    // the search really finds planted values in plain files, so an empty result below means something
    expect(leaks(box.dataDir, image).length).toBeGreaterThan(3);

    const report = await changeDataKey(box.dataDir, {
      mode: 'encrypt',
      keychain: box.keychain,
      env: box.env,
    });
    expect(report).toMatchObject({ from: null, databaseRekeyed: true, blobsResealed: 1 });
    expect(leaks(box.dataDir, image)).toEqual([]);
    await expect(
      changeDataKey(box.dataDir, { mode: 'encrypt', keychain: box.keychain, env: box.env }),
    ).rejects.toThrow(/already encrypted/);

    const store = await openIn(box);
    try {
      expect(store.readPage(pageId).bytes.equals(image)).toBe(true);
      expect(store.search.search({ query: CITIZEN.folded }).length).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  });
});
