/**
 * The engine wired to the dossier store: a dossier received offline under a provisional code
 * and marked queued is picked up, gets an official code from the province (replaced in the
 * store, audited), is acknowledged (sync_state synced), while the reception pool receives a
 * leased block and the province's agencies land in the offline catalog.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store/index.js';
import { SyncEngine, startGateway, storeStation } from '../../src-main/sync/index.js';
import { AGENCY, CREDENTIALS, settingsFor, tempDir } from './fixtures.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

describe('sync with the dossier store', () => {
  it('replaces the provisional code everywhere, marks the dossier synced, fills the code pool and catalog', async () => {
    const dir = tempDir('store-link');
    const gw = await startGateway({ dataDir: join(dir, 'gw'), credentials: CREDENTIALS });
    cleanups.push(() => gw.close());
    const store = await openStore(join(dir, 'station'));
    cleanups.push(() => store.close());
    const { dossier } = store.createDossier(
      {
        MaTTHC: '1.001193',
        TenTTHC: 'Đăng ký khai sinh',
        MaLinhVuc: 'HOTICH',
        TenLinhVuc: 'Hộ tịch',
        ChuHoSo: 'Lê Thị Hồng',
        LoaiDoiTuong: 1,
        NoiNopHoSo: AGENCY,
        DonViXuLy: AGENCY,
        KenhThucHien: 1,
        NgayTiepNhan: '20261126083000',
        TrangThaiHoSo: 2,
        components: [
          { MaThanhPhanHoSo: 'TK_KHAI_SINH', TenThanhPhanHoSo: 'Tờ khai', BatBuoc: true },
        ],
      },
      'clerk-1',
    );
    expect(dossier.provisional).toBe(true);
    store.dossiers.setSyncState(dossier.id, 'queued', new Date().toISOString());

    const engine = new SyncEngine({
      db: store.db,
      settings: settingsFor(gw, { codeBlockSize: 6 }),
      station: storeStation(store),
    });
    await engine.runUntilIdle();

    expect(engine.outbox.all()).toEqual([]);
    const after = store.dossiers.require(dossier.id);
    expect(after.provisional).toBe(false);
    expect(after.MaHoSo).toMatch(/^000\.00\.06\.H56-261126-\d{4}$/);
    expect(after.syncState).toBe('synced');
    expect(store.dossiers.getByCode(dossier.MaHoSo)).toBeUndefined();
    expect(gw.repo.dossier(after.MaHoSo)?.ChuHoSo).toBe('Lê Thị Hồng');
    expect(engine.outbox.receipts()).toEqual([
      expect.objectContaining({
        MaHoSo: after.MaHoSo,
        provisionalCode: dossier.MaHoSo,
        PhienBan: '1',
      }),
    ]);
    // a block for today's reception went to the pool; the province's agencies are kept offline
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(2, 10).replace(/-/g, '');
    expect(store.codes.freeLeases(AGENCY, today)).toBe(6);
    expect(store.catalog.agencies().map((a) => a.MaDinhDanh)).toContain('000.31.32.H56');
  });
});
