/**
 * Deterministic fixtures for the sync tests: small PDF-like files (seeded bytes), outbox
 * entries in the contract's shape, a migrated SQLite file and engine settings for a gateway.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase } from '../../src-main/store/index.js';
import type { Db } from '../../src-main/store/index.js';
import type { OutboxEntryInput, RunningGateway, SyncSettings } from '../../src-main/sync/index.js';

export const AGENCY = '000.00.06.H56';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `sohoa-sync-${prefix}-`));
}

/** A small file whose bytes depend only on `seed`, starting like a PDF. */
export function writeSeededFile(
  dir: string,
  seed: number,
  size: number,
): { path: string; sha256: string; size: number } {
  mkdirSync(dir, { recursive: true });
  const bytes = Buffer.alloc(size);
  bytes.write('%PDF-1.7\n');
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 9; i < size; i += 1) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    bytes[i] = x & 0xff;
  }
  const path = join(dir, `f-${seed}.pdf`);
  writeFileSync(path, bytes);
  return { path, sha256: createHash('sha256').update(bytes).digest('hex'), size };
}

/** An outbox entry with `fileCount` PDFs; `code` official or provisional (TAM-…). */
export function entry(
  dir: string,
  n: number,
  opts: { code?: string; fileCount?: number; fileSize?: number; MaTTHC?: string } = {},
): OutboxEntryInput {
  const fileCount = opts.fileCount ?? 3;
  const files = Array.from({ length: fileCount }, (_, i) =>
    writeSeededFile(dir, n * 100 + i, opts.fileSize ?? 4096),
  );
  const components = ['TK_KHAI_SINH', 'GIAY_CHUNG_SINH', 'GT_TUY_THAN'];
  return {
    dossier: {
      MaHoSo: opts.code ?? `TAM-${AGENCY}-261126-${String(n).padStart(4, '0')}`,
      MaTTHC: opts.MaTTHC ?? '1.001193',
      TenTTHC: 'Đăng ký khai sinh',
      MaLinhVuc: 'HOTICH',
      TenLinhVuc: 'Hộ tịch',
      ChuHoSo: `Nguyễn Văn Đặng ${n}`,
      LoaiDoiTuong: 1,
      DinhDanhCHS: { LoaiDinhDanh: '1', SoDinhDanh: `0010900${String(n).padStart(5, '0')}` },
      NoiNopHoSo: AGENCY,
      DonViXuLy: AGENCY,
      KenhThucHien: 1,
      NgayTiepNhan: '20261126090000',
      TrangThaiHoSo: 2,
      HoSoCoThanhPhanSoHoa: 1,
      TaiLieuNop: files.map((f, i) => ({
        TenTepDinhKem: `tp-${i + 1}.pdf`,
        MaThanhPhanHoSo: components[i % components.length] as string,
        DuocSoHoa: 1,
        HashTepTin: f.sha256,
        SoTrang: 1,
        CoChuKySo: 0,
      })),
    },
    files: files.map((f, i) => ({
      path: f.path,
      sha256: f.sha256,
      size: f.size,
      filename: `tp-${i + 1}.pdf`,
      mime: 'application/pdf',
    })),
  };
}

export async function syncDb(dir: string): Promise<Db> {
  mkdirSync(dir, { recursive: true });
  const db = openDatabase(join(dir, 'sohoa.db'));
  await migrate(db);
  return db;
}

export function settingsFor(
  gateway: RunningGateway,
  overrides: Partial<SyncSettings> = {},
): SyncSettings {
  const credential = gateway.credentials[0];
  if (!credential) throw new Error('gateway without credentials');
  return {
    gatewayUrl: gateway.url,
    clientId: credential.client_id,
    clientSecret: credential.client_secret,
    agency: AGENCY,
    chunkSize: 64 * 1024,
    bandwidthLimit: 0,
    concurrency: 2,
    codeBlockSize: 10,
    requestTimeoutMs: 10_000,
    catalogRefreshMs: 3600_000,
    statusPullMs: 3600_000,
    backoff: { baseMs: 20, maxMs: 200 },
    ...overrides,
  };
}

export const CREDENTIALS = [
  { client_id: 'station-test', client_secret: 'secret-for-tests', MaDonVi: [AGENCY] },
];
