/**
 * The scan part of the API contract through the real dispatcher and core: a background scan
 * into a dossier reports each page with a thumbnail and then how it ended; bad input is refused
 * before anything starts; profiles are saved in this station's configuration.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/api/index.js';
import { createCore, type Core } from '../../src-main/core/index.js';
import { storeService } from '../../src-main/core/dossiers/index.js';
import { isAppError } from '../../src-main/domain/index.js';
import type { ScanEventPayloads } from '../../src-main/scan/index.js';
import { tempDir, useSaneTestDevice } from './sane-test-device.js';

useSaneTestDevice();
let core: Core;
let dispatch: ReturnType<typeof createDispatcher>;
let MaHoSo = '';
const events: Array<{ name: string; payload: unknown }> = [];

function waitFor<E extends keyof ScanEventPayloads>(
  name: E,
  sessionId: string,
): Promise<ScanEventPayloads[E]> {
  return new Promise((resolve) => {
    const check = () => {
      const hit = events.find(
        (e) => e.name === name && (e.payload as { sessionId: string }).sessionId === sessionId,
      );
      if (hit) resolve(hit.payload as ScanEventPayloads[E]);
      else setTimeout(check, 20);
    };
    check();
  });
}

beforeAll(async () => {
  const dir = tempDir('api-data');
  core = createCore({
    dataDir: dir,
    env: { ...process.env, SOHOA_MACHINE_CONFIG: join(dir, 'none.json') },
  });
  core.events.subscribe((name, payload) => events.push({ name, payload }));
  dispatch = createDispatcher(core, 'cli');
  const store = await core.use(storeService);
  MaHoSo = store.createDossier(
    {
      MaTTHC: '1.001234',
      TenTTHC: 'Đăng ký khai sinh',
      MaLinhVuc: 'HT',
      TenLinhVuc: 'Hộ tịch',
      ChuHoSo: 'Trần Thị Bình',
      LoaiDoiTuong: 1,
      NoiNopHoSo: '000.00.06.H56',
      DonViXuLy: '000.00.06.H56',
      KenhThucHien: 1,
      NgayTiepNhan: '20261126090000',
      TrangThaiHoSo: 1,
      components: [{ MaThanhPhanHoSo: 'TK', TenThanhPhanHoSo: 'Tờ khai', BatBuoc: true }],
    },
    'test',
  ).dossier.MaHoSo;
});

afterAll(async () => {
  await core.close();
});

describe('scan API', () => {
  it('lists devices', async () => {
    const devices = (await dispatch('scan.devices', {})) as Array<{ id: string }>;
    expect(devices.map((d) => d.id)).toContain('test:0');
  });

  it('scans in the background: pageAcquired per page with a thumbnail, then finished', async () => {
    const { sessionId } = (await dispatch('scan.start', {
      device: 'test:0',
      source: 'adf',
      dpi: 50,
      mode: 'gray',
      MaHoSo,
      MaThanhPhanHoSo: 'TK',
    })) as {
      sessionId: string;
    };
    const finished = await waitFor('scan.finished', sessionId);
    expect(finished).toMatchObject({ kind: 'scan', pages: 10, feederEmpty: true });
    const pages = events
      .filter((e) => e.name === 'scan.pageAcquired')
      .map((e) => e.payload as ScanEventPayloads['scan.pageAcquired']);
    expect(pages.map((p) => p.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(pages[0]?.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    expect(pages[0]?.location).toMatchObject({ dossier: MaHoSo, component: 'TK' });
    expect(pages.every((p) => p.latencyMs >= 0 && p.latencyMs < 5000)).toBe(true);
    const store = await core.use(storeService);
    const pageId =
      pages[9]?.location && 'pageId' in pages[9].location ? pages[9].location.pageId : -1;
    expect(store.readPage(pageId).page.dpi).toBe(50);
  });

  it('refuses bad input before starting and reports a device failure as scan.failed', async () => {
    const bad = await dispatch('scan.start', {
      device: 'test:0',
      dpi: 5,
      MaHoSo,
      MaThanhPhanHoSo: 'TK',
    }).catch((e: unknown) => e);
    expect(isAppError(bad) && bad.code).toBe('VALIDATION');
    const noComponent = await dispatch('scan.start', {
      device: 'test:0',
      MaHoSo,
      MaThanhPhanHoSo: 'NOPE',
    }).catch((e: unknown) => e);
    expect(isAppError(noComponent) && noComponent.code).toBe('NOT_FOUND');

    const { sessionId } = (await dispatch('scan.start', {
      device: 'test:0',
      source: 'flatbed',
      dpi: 50,
      deviceOptions: { 'read-return-value': 'SANE_STATUS_COVER_OPEN' },
      MaHoSo,
      MaThanhPhanHoSo: 'TK',
    })) as { sessionId: string };
    const failed = await waitFor('scan.failed', sessionId);
    expect(failed.error.code).toBe('SCAN_COVER_OPEN');
    expect(failed.error.messageVi).toContain('Đóng nắp');
    expect(failed.pagesKept).toBe(0);
  });

  it('cancels a running scan', async () => {
    const { sessionId } = (await dispatch('scan.start', {
      device: 'test:0',
      source: 'flatbed',
      dpi: 100,
      mode: 'color',
      deviceOptions: { 'read-delay': true, 'read-delay-duration': 200000 },
      MaHoSo,
      MaThanhPhanHoSo: 'TK',
    })) as { sessionId: string };
    await waitFor('scan.progress', sessionId);
    expect(await dispatch('scan.cancel', { sessionId })).toEqual({ cancelled: true });
    const failed = await waitFor('scan.failed', sessionId);
    expect(failed.error).toMatchObject({ code: 'CANCELLED' });
    expect(await dispatch('scan.cancel', { sessionId })).toEqual({ cancelled: false });
  });

  it('saves a scan profile for this station and scans with it', async () => {
    const saved = (await dispatch('scan.saveProfile', {
      profile: {
        id: 'khai-sinh',
        name: 'Khai sinh',
        source: 'flatbed',
        dpi: 200,
        colour: 'gray',
        pageSize: 'A4',
      },
      makeDefault: true,
    })) as { defaultProfile: string; profiles: Array<{ id: string }> };
    expect(saved.defaultProfile).toBe('khai-sinh');
    const bad = await dispatch('scan.saveProfile', {
      profile: { id: 'x', name: 'X', dpi: 9999 },
    }).catch((e: unknown) => e);
    expect(isAppError(bad) && bad.code).toBe('VALIDATION');

    const { sessionId } = (await dispatch('scan.start', {
      device: 'test:0',
      MaHoSo,
      MaThanhPhanHoSo: 'TK',
    })) as { sessionId: string };
    await waitFor('scan.finished', sessionId);
    const page = events.find(
      (e) =>
        e.name === 'scan.pageAcquired' &&
        (e.payload as { sessionId: string }).sessionId === sessionId,
    )?.payload as ScanEventPayloads['scan.pageAcquired'];
    // A4 is wider than the test device's 200 mm, so the width is the device's
    expect(page).toMatchObject({ dpi: 200, width: Math.floor((200 / 25.4) * 200) });
  });
});
