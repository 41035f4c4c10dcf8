import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/domain/index.js';
import { serviceFor, snapshot, withStore } from './helpers.js';

describe('dossier service', () => {
  it('builds components from the checklist and reports missing required ones', async () => {
    await withStore((store) => {
      const s = serviceFor(store);
      const d = s.create(
        {
          MaTTHC: '1.001193',
          ChuHoSo: 'Mai Anh',
          DonViXuLy: '000.00.07.H56',
          NgayTiepNhan: '20261127100000',
        },
        't',
      );
      expect(d.dossier.DonViXuLy).toBe('000.00.07.H56'); // handled elsewhere: reception regardless of boundaries
      expect(d.components.map((c) => c.MaThanhPhanHoSo)).toEqual(
        store.catalog.requireProcedure('1.001193').ThanhPhanHoSo.map((c) => c.MaThanhPhanHoSo),
      );
      expect(d.missingRequired).toContain('TK_KHAI_SINH');
      store.addPage({
        componentId: d.components[0]!.id,
        bytes: Buffer.from('x'),
        mime: 'image/png',
      });
      expect(s.show(d.dossier.MaHoSo).missingRequired).not.toContain('TK_KHAI_SINH');
      // 1.004873 has a 3-working-day limit: Friday 27/11/2026 10:00 → Wednesday 2/12/2026 10:00
      expect(
        s.create({ MaTTHC: '1.004873', ChuHoSo: 'B', NgayTiepNhan: '20261127100000' }, 't').dossier
          .NgayHenTra,
      ).toBe('20261202100000');
    });
  });

  it('changes status with an audit row and refuses an unknown status', async () => {
    await withStore((store) => {
      const s = serviceFor(store);
      const d = s.create({ MaTTHC: '1.001193', ChuHoSo: 'C' }, 't').dossier;
      expect(s.setStatus(d.MaHoSo, 4, 'clerk').TrangThaiHoSo).toBe(4);
      const before = snapshot(store);
      expect(() => s.setStatus(d.MaHoSo, 11, 'clerk')).toThrow(AppError);
      expect(snapshot(store)).toEqual(before);
      expect(store.audit.forDossier(d.id).map((r) => r.action)).toEqual([
        'dossier.create',
        'dossier.status',
      ]);
    });
  });

  it('lists with filters and validates them', async () => {
    await withStore((store) => {
      const s = serviceFor(store);
      s.create({ MaTTHC: '1.001193', ChuHoSo: 'D', NgayTiepNhan: '20261101090000' }, 't');
      s.create({ MaTTHC: '1.000894', ChuHoSo: 'E', NgayTiepNhan: '20261120090000' }, 't');
      expect(s.list({ from: '20261115' }).map((d) => d.ChuHoSo)).toEqual(['E']);
      expect(s.list({ MaTTHC: '1.001193' }).map((d) => d.ChuHoSo)).toEqual(['D']);
      expect(() => s.list({ from: '2026-11-15' })).toThrow(/yyyyMMdd/);
      expect(() => s.list({ limit: 100_000 })).toThrow(AppError);
    });
  });

  it('exports into a new folder only, with page files named by position', async () => {
    await withStore((store, dir) => {
      const s = serviceFor(store);
      const d = s.create({ MaTTHC: '1.001193', ChuHoSo: 'F' }, 't');
      store.addPage({
        componentId: d.components[1]!.id,
        bytes: Buffer.from('img'),
        mime: 'image/jpeg',
      });
      const out = join(dir, 'out');
      mkdirSync(out);
      const result = s.export(d.dossier.MaHoSo, out, 't');
      expect(readdirSync(join(result.dir, 'pages'))).toEqual(['02-01-0001.jpg']);
      expect(() => s.export(d.dossier.MaHoSo, out, 't')).toThrow(/not overwriting/);
      expect(() => s.export(d.dossier.MaHoSo, join(dir, 'missing'), 't')).toThrow(/does not exist/);
      expect(readdirSync(out)).toEqual([d.dossier.MaHoSo]);
    });
  });

  it('refuses a document title with a path separator', async () => {
    await withStore((store) => {
      const s = serviceFor(store);
      const d = s.create({ MaTTHC: '1.001193', ChuHoSo: 'G' }, 't');
      expect(() => s.addDocument(d.components[0]!.id, 'a\\b', 't')).toThrow(/path separators/);
      expect(s.addDocument(d.components[0]!.id, 'Bản sao 1', 't').title).toBe('Bản sao 1');
    });
  });
});
