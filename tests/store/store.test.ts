import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDoctor } from '../../src-main/domain/index.js';
import { migrate, migrationFiles, storeDoctorChecks } from '../../src-main/store/index.js';
import { openCatalogued, serviceFor, tempDir, withStore } from './helpers.js';

describe('store: connection, migrations, pages and blobs', () => {
  it('opens with WAL, foreign keys, FULL sync and every migration applied once', async () => {
    const { dir, remove } = tempDir();
    try {
      const a = await openCatalogued(dir);
      expect(a.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(a.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(a.db.pragma('synchronous', { simple: true })).toBe(2);
      const versions = (
        a.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{
          version: number;
        }>
      ).map((r) => r.version);
      expect(versions).toEqual(migrationFiles().map((f) => f.version));
      expect(a.catalog.count()).toBeGreaterThanOrEqual(20);
      a.close();
      const b = await openCatalogued(dir); // re-open: nothing re-applied, catalog not duplicated
      expect(
        (b.db.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n,
      ).toBe(versions.length);
      b.close();
    } finally {
      remove();
    }
  });

  it('stores a page as blob + row in one step and reads the same bytes back', async () => {
    await withStore((store) => {
      const detail = serviceFor(store).create(
        { MaTTHC: '1.001193', ChuHoSo: 'Trần Thị Bình' },
        'test',
      );
      const component = detail.components[0]!;
      const bytes = Buffer.from('page image bytes \u0000\u00ff');
      const page = store.addPage({ componentId: component.id, bytes, mime: 'image/png', dpi: 300 });
      const again = store.addPage({ componentId: component.id, bytes, mime: 'image/png' });
      expect(again.position).toBe(2);
      expect(again.documentId).toBe(page.documentId);
      const read = store.readPage(page.id);
      expect(read.bytes.equals(bytes)).toBe(true);
      expect(existsSync(store.blobs.path(page.blobSha256))).toBe(true);
      // identical content is stored once and counted twice
      expect(
        store.db.prepare('SELECT refcount FROM blobs WHERE sha256 = ?').get(page.blobSha256),
      ).toEqual({ refcount: 2 });
    });
  });

  it('keeps reference counts by trigger and collects only unreferenced blobs', async () => {
    await withStore((store) => {
      const detail = serviceFor(store).create(
        { MaTTHC: '1.001193', ChuHoSo: 'Lê Văn Cường' },
        'test',
      );
      const keep = store.addPage({
        componentId: detail.components[0]!.id,
        bytes: Buffer.from('keep'),
        mime: 'image/png',
      });
      const drop = store.addPage({
        componentId: detail.components[0]!.id,
        bytes: Buffer.from('drop'),
        mime: 'image/png',
      });
      store.transaction(() => store.db.prepare('DELETE FROM pages WHERE id = ?').run(drop.id));
      expect(
        store.db.prepare('SELECT refcount FROM blobs WHERE sha256 = ?').get(drop.blobSha256),
      ).toEqual({ refcount: 0 });
      // an orphan file from a writer killed before its commit, old enough to be collected
      const orphan = store.blobs.put(Buffer.from('orphan'));
      utimesSync(store.blobs.path(orphan.sha256), new Date(2020, 0, 1), new Date(2020, 0, 1));
      const report = store.gc();
      expect(report).toMatchObject({ removedBlobs: 1, removedOrphanFiles: 1 });
      expect(store.blobs.has(drop.blobSha256)).toBe(false);
      expect(store.blobs.has(orphan.sha256)).toBe(false);
      expect(store.blobs.verify(keep.blobSha256)).toBe('ok');
      expect(readdirSync(store.blobs.trashDir)).toEqual([]);
    });
  });

  it('puts back a trashed blob whose row survived a crash during GC', async () => {
    const { dir, remove } = tempDir();
    try {
      const store = await openCatalogued(dir);
      const detail = serviceFor(store).create({ MaTTHC: '1.001193', ChuHoSo: 'Phạm Thu' }, 'test');
      const page = store.addPage({
        componentId: detail.components[0]!.id,
        bytes: Buffer.from('x'),
        mime: 'image/png',
      });
      store.blobs.moveToTrash(page.blobSha256); // as if GC crashed before its commit
      store.close();
      const reopened = await openCatalogued(dir);
      expect(reopened.blobs.verify(page.blobSha256)).toBe('ok');
      reopened.close();
    } finally {
      remove();
    }
  });

  it('doctor finds a corrupt blob, a missing blob and a wrong refcount, and --repair fixes the count', async () => {
    await withStore(async (store) => {
      const detail = serviceFor(store).create({ MaTTHC: '1.001193', ChuHoSo: 'Hoàng Anh' }, 'test');
      const a = store.addPage({
        componentId: detail.components[0]!.id,
        bytes: Buffer.from('a'),
        mime: 'image/png',
      });
      const b = store.addPage({
        componentId: detail.components[0]!.id,
        bytes: Buffer.from('b'),
        mime: 'image/png',
      });
      expect((await runDoctor(storeDoctorChecks(store))).status).toBe('ok');

      store.db.prepare('UPDATE blobs SET refcount = 7 WHERE sha256 = ?').run(a.blobSha256);
      let report = await runDoctor(storeDoctorChecks(store));
      expect(report.checks.find((c) => c.id === 'store.blobs')?.status).toBe('warn');
      store.repair();
      expect((await runDoctor(storeDoctorChecks(store))).status).toBe('ok');

      writeFileSync(store.blobs.path(a.blobSha256), 'tampered');
      store.blobs.moveToTrash(b.blobSha256);
      report = await runDoctor(storeDoctorChecks(store));
      const blobs = report.checks.find((c) => c.id === 'store.blobs')!;
      expect(blobs.status).toBe('fail');
      expect(blobs.details).toMatchObject({ missing: [b.blobSha256], corrupt: [a.blobSha256] });
      expect(blobs.fix?.vi).toBeTruthy();
      expect(report.status).toBe('fail');
    });
  });

  it('refuses a page for a component that does not exist and changes nothing', async () => {
    await withStore((store) => {
      expect(() =>
        store.addPage({ componentId: 999, bytes: Buffer.from('x'), mime: 'image/png' }),
      ).toThrow(/component #999/);
      expect((store.db.prepare('SELECT count(*) AS n FROM pages').get() as { n: number }).n).toBe(
        0,
      );
      expect((store.db.prepare('SELECT count(*) AS n FROM blobs').get() as { n: number }).n).toBe(
        0,
      );
    });
  });

  it('records results by owner for reuse in the next procedure', async () => {
    await withStore((store) => {
      const detail = serviceFor(store).create(
        { MaTTHC: '1.001193', ChuHoSo: 'Vũ Minh', SoDinhDanh: '001090000001' },
        'test',
      );
      store.addResult(
        {
          dossierId: detail.dossier.id,
          TenGiayTo: 'Giấy khai sinh',
          SoGiayTo: '123/2026',
          SoDinhDanhChuSoHuu: '001090000001',
          origin: 'handback',
          bytes: Buffer.from('%PDF-1.7'),
        },
        'test',
      );
      const found = store.results.byOwner('001090000001');
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        TenGiayTo: 'Giấy khai sinh',
        SoGiayTo: '123/2026',
        dossierId: detail.dossier.id,
      });
      expect(store.blobs.read(found[0]!.blobSha256).toString()).toBe('%PDF-1.7');
    });
  });

  it('replaces the fields extracted from a page as a whole', async () => {
    await withStore((store) => {
      const d = serviceFor(store).create({ MaTTHC: '1.001193', ChuHoSo: 'Ngô Bảo' }, 'test');
      const page = store.addPage({
        componentId: d.components[0]!.id,
        bytes: Buffer.from('f'),
        mime: 'image/png',
      });
      store.setExtractedFields(d.dossier.id, page.id, [
        { name: 'HoTen', value: 'Ngô Bảo', confidence: 0.9 },
        { name: 'NgaySinh', value: '01/02/2026', confidence: 0.8 },
      ]);
      store.setExtractedFields(d.dossier.id, page.id, [
        { name: 'HoTen', value: 'Ngô Gia Bảo', confidence: 0.95 },
      ]);
      expect(store.extractedFields(d.dossier.id)).toEqual([
        {
          dossierId: d.dossier.id,
          pageId: page.id,
          name: 'HoTen',
          value: 'Ngô Gia Bảo',
          confidence: 0.95,
        },
      ]);
      expect(() => store.setExtractedFields(999, undefined, [])).toThrow(/No dossier #999/);
    });
  });

  it('applies a migration file added later by another capability, in number order', async () => {
    const { dir, remove } = tempDir();
    try {
      const store = await openCatalogued(dir);
      const migDir = join(dir, 'extra-migrations');
      mkdirSync(migDir);
      writeFileSync(
        join(migDir, '301-outbox.js'),
        "export const migration = { up: 'CREATE TABLE outbox (id INTEGER PRIMARY KEY, dossier_id INTEGER NOT NULL REFERENCES dossiers(id), pdf TEXT REFERENCES blobs(sha256));' };\n",
      );
      expect(await migrate(store.db, [...migrationFiles(), ...migrationFiles(migDir)])).toEqual([
        301,
      ]);
      expect(await migrate(store.db, [...migrationFiles(), ...migrationFiles(migDir)])).toEqual([]);
      store.close();
    } finally {
      remove();
    }
  });
});
