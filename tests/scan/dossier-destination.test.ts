/**
 * Scanning into a dossier component: each page is a blob plus a page row in the real store the
 * moment it arrives; an unknown dossier or component is refused before the scanner starts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/domain/index.js';
import { configSchema } from '../../src-main/platform/index.js';
import { DossierDestination, ScanService } from '../../src-main/scan/index.js';
import { openStore, type Store } from '../../src-main/store/index.js';
import { tempDir, useSaneTestDevice } from './sane-test-device.js';

useSaneTestDevice();
let store: Store;
let service: ScanService;
let MaHoSo = '';

beforeAll(async () => {
  const dataDir = tempDir('dossier-data');
  store = await openStore(dataDir);
  const { dossier } = store.createDossier(
    {
      MaTTHC: '1.001234',
      TenTTHC: 'Đăng ký khai sinh',
      MaLinhVuc: 'HT',
      TenLinhVuc: 'Hộ tịch',
      ChuHoSo: 'Nguyễn Văn Đặng',
      LoaiDoiTuong: 1,
      NoiNopHoSo: '000.00.06.H56',
      DonViXuLy: '000.00.06.H56',
      KenhThucHien: 1,
      NgayTiepNhan: '20261126090000',
      TrangThaiHoSo: 1,
      components: [
        { MaThanhPhanHoSo: 'TK', TenThanhPhanHoSo: 'Tờ khai', BatBuoc: true },
        { MaThanhPhanHoSo: 'GCS', TenThanhPhanHoSo: 'Giấy chứng sinh', BatBuoc: true },
      ],
    },
    'test',
  );
  MaHoSo = dossier.MaHoSo;
  service = new ScanService(dataDir, () => configSchema.parse({}).scanner);
});

afterAll(async () => {
  await service.close();
  store.close();
});

describe('scan into a dossier component', () => {
  it('records each page in the component with its blob, in order', async () => {
    const { pages, result } = await service.scan(
      { device: 'test:0', source: 'adf', dpi: 50, mode: 'gray' },
      new DossierDestination(store, MaHoSo, 'GCS'),
    );
    expect(result).toEqual({ pages: 10, feederEmpty: true });
    const ids = pages.map((p) => ('pageId' in p.location ? p.location.pageId : -1));
    expect(new Set(ids).size).toBe(10);
    for (const id of ids) {
      const { page, bytes } = store.readPage(id);
      expect(page.mime).toBe('image/png');
      expect(page.dpi).toBe(50);
      expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    }
  });

  it('refuses an unknown dossier or component, naming the components there are', () => {
    expect(() => new DossierDestination(store, MaHoSo, 'XYZ')).toThrowError(/TK, GCS/);
    const error = (() => {
      try {
        new DossierDestination(store, '000.00.06.H56-261126-9999', 'TK');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('NOT_FOUND');
  });
});
