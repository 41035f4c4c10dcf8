import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  AppError,
  isOfficialDossierCode,
  isProvisionalDossierCode,
} from '../../src-main/domain/index.js';
import { AGENCY, openCatalogued, serviceFor, snapshot, tempDir, withStore } from './helpers.js';

const run = promisify(execFile);
const child = fileURLToPath(new URL('./fixtures/create-dossiers.ts', import.meta.url));
const leases = (n: number, day = '261126'): string[] =>
  Array.from({ length: n }, (_, i) => `${AGENCY}-${day}-${String(i + 101).padStart(4, '0')}`);

describe('dossier codes in the store', () => {
  it('takes leased codes in order, then provisional codes when the lease runs out', async () => {
    await withStore((store) => {
      store.transaction(() => store.codes.addLeases(leases(2), 'now'));
      const s = serviceFor(store);
      const codes = [1, 2, 3, 4].map(
        (i) =>
          s.create({ MaTTHC: '1.001193', ChuHoSo: `Chủ ${i}`, NgayTiepNhan: '20261126090000' }, 't')
            .dossier.MaHoSo,
      );
      expect(codes).toEqual([
        `${AGENCY}-261126-0101`,
        `${AGENCY}-261126-0102`,
        `TAM-${AGENCY}-261126-0001`,
        `TAM-${AGENCY}-261126-0002`,
      ]);
      // a lease for another day is not used today
      store.transaction(() => store.codes.addLeases(leases(1, '261127'), 'now'));
      expect(
        s.create({ MaTTHC: '1.001193', ChuHoSo: 'Chủ 5', NgayTiepNhan: '20261126100000' }, 't')
          .dossier.provisional,
      ).toBe(true);
    });
  });

  it('replaces a provisional code everywhere in one transaction, and refuses a code already used', async () => {
    await withStore((store) => {
      const s = serviceFor(store);
      const a = s.create(
        { MaTTHC: '1.001193', ChuHoSo: 'Đỗ Quang Đạt', NgayTiepNhan: '20261126090000' },
        't',
      ).dossier;
      const b = s.create(
        { MaTTHC: '1.001193', ChuHoSo: 'Bùi Lan', NgayTiepNhan: '20261126090000' },
        't',
      ).dossier;
      const official = `${AGENCY}-261126-0361`;
      store.replaceProvisionalCode(a.MaHoSo, official, 'sync');
      expect(store.dossiers.get(a.id)).toMatchObject({ MaHoSo: official, provisional: false });
      expect(store.search.search({ query: '0361' })[0]).toMatchObject({
        MaHoSo: official,
        dossierId: a.id,
      });
      expect(store.search.search({ query: 'tam' }).map((h) => h.dossierId)).toEqual([b.id]);
      expect(store.audit.forDossier(a.id).map((r) => r.action)).toEqual([
        'dossier.create',
        'dossier.code.replace',
      ]);
      const before = snapshot(store);
      expect(() => store.replaceProvisionalCode(b.MaHoSo, official, 'sync')).toThrow(AppError);
      expect(() => store.replaceProvisionalCode(b.MaHoSo, 'not-a-code', 'sync')).toThrow(
        /Invalid dossier code/,
      );
      expect(snapshot(store)).toEqual(before);
      expect(store.dossiers.get(b.id)?.MaHoSo).toBe(b.MaHoSo);
      expect(store.audit.verify().ok).toBe(true);
    });
  });

  it('refuses malformed leased codes without storing any of the block', async () => {
    await withStore((store) => {
      expect(() =>
        store.transaction(() =>
          store.codes.addLeases([...leases(3), '000.00.06.H56-261126-12345'], 'now'),
        ),
      ).toThrow(AppError);
      expect(store.codes.freeLeases(AGENCY, '261126')).toBe(0);
    });
  });

  it('never gives one code to two dossiers when four processes receive at the same time', async () => {
    const { dir, remove } = tempDir();
    try {
      const store = await openCatalogued(dir);
      store.transaction(() => store.codes.addLeases(leases(30), 'now'));
      store.close();
      // All four wait at a barrier (the `go` file) after opening the store, so their writes overlap.
      const barrier = join(dir, 'barrier');
      mkdirSync(barrier);
      const pending = [0, 1, 2, 3].map(() =>
        run(process.execPath, ['--import', 'tsx', child, dir, '15', '20261126100000', barrier], {
          timeout: 120_000,
        }),
      );
      while (readdirSync(barrier).length < 4) await new Promise((r) => setTimeout(r, 50));
      writeFileSync(join(barrier, 'go'), '');
      const outputs = await Promise.all(pending);
      const codes = outputs.flatMap((o) => JSON.parse(o.stdout) as string[]);
      expect(codes).toHaveLength(60);
      expect(new Set(codes).size).toBe(60);
      expect(codes.filter(isOfficialDossierCode)).toHaveLength(30);
      expect(codes.filter(isProvisionalDossierCode)).toHaveLength(30);
      const check = await openCatalogued(dir);
      expect(
        (check.db.prepare('SELECT count(*) AS n FROM dossiers').get() as { n: number }).n,
      ).toBe(60);
      expect(check.codes.freeLeases(AGENCY, '261126')).toBe(0);
      expect(check.audit.verify()).toMatchObject({ ok: true, rows: 60 });
      check.close();
    } finally {
      remove();
    }
  }, 150_000);

  it('the UNIQUE constraint stops a duplicate code even if a caller bypasses the lease logic', async () => {
    await withStore((store) => {
      const d = serviceFor(store).create(
        { MaTTHC: '1.001193', ChuHoSo: 'X', NgayTiepNhan: '20261126090000' },
        't',
      ).dossier;
      const e = serviceFor(store).create(
        { MaTTHC: '1.001193', ChuHoSo: 'Y', NgayTiepNhan: '20261126090000' },
        't',
      ).dossier;
      expect(() =>
        store.db.prepare('UPDATE dossiers SET MaHoSo = ? WHERE id = ?').run(d.MaHoSo, e.id),
      ).toThrow(/UNIQUE/);
    });
  });
});
