/**
 * Spool recovery: the app process is SIGKILLed while a real test-device scan is between the spool
 * and the store (a child process stops at an exact page, then is killed); the next start lands
 * every spooled page exactly once, in order, with the usual events — also when the kill came
 * after the store had committed the page — and keeps pages whose dossier no longer exists. The
 * stations are encrypted (a new data folder is): the spooled pages are sealed on disk, and a PC
 * without the key keeps them in the spool until the key is back.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DataKeys,
  FileKeychain,
  configSchema,
  openFileBytes,
} from '../../src-main/platform/index.js';
import {
  DossierDestination,
  ScanService,
  ScanSessions,
  spoolDoctorCheck,
  type PageAcquired,
} from '../../src-main/scan/index.js';
import { openStore, type Store } from '../../src-main/store/index.js';
import { killScanningApp } from './kill-scanning-app.js';
import { tempDir, useSaneTestDevice } from './sane-test-device.js';

useSaneTestDevice();
process.env.LC_ALL = 'C';
const scanner = configSchema.parse({}).scanner;
const services: ScanService[] = [];
const stores: Store[] = [];

afterAll(async () => {
  await Promise.all(services.map((s) => s.close()));
  for (const s of stores) s.close();
});

interface Station {
  dataDir: string;
  store: Store;
  MaHoSo: string;
  spoolRoot: string;
}

async function station(): Promise<Station> {
  const dataDir = tempDir('recovery-data');
  const store = await openStore(dataDir);
  stores.push(store);
  const { dossier } = store.createDossier(
    {
      MaTTHC: '1.001234',
      TenTTHC: 'Đăng ký khai sinh',
      MaLinhVuc: 'HT',
      TenLinhVuc: 'Hộ tịch',
      ChuHoSo: 'Trần Thị Ánh',
      LoaiDoiTuong: 1,
      NoiNopHoSo: '000.00.06.H56',
      DonViXuLy: '000.00.06.H56',
      KenhThucHien: 1,
      NgayTiepNhan: '20261126090000',
      TrangThaiHoSo: 1,
      components: [{ MaThanhPhanHoSo: 'GCS', TenThanhPhanHoSo: 'Giấy chứng sinh', BatBuoc: true }],
    },
    'test',
  );
  return { dataDir, store, MaHoSo: dossier.MaHoSo, spoolRoot: join(dataDir, 'spool', 'scan') };
}

function componentPages(s: Station) {
  const dossier = s.store.dossiers.requireByCode(s.MaHoSo);
  const [component] = s.store.dossiers.components(dossier.id);
  return s.store.dossiers
    .documents(component!.id)
    .flatMap((d) => s.store.pages.list(d.id))
    .sort((a, b) => a.position - b.position);
}

/** Kills the app scanning the feeder into the station's component at page `stopAt`; the spool left. */
async function killDuringLanding(s: Station, when: 'before' | 'after', stopAt: number) {
  await killScanningApp({ dataDir: s.dataDir, MaHoSo: s.MaHoSo, component: 'GCS', when, stopAt });
  const [scanDir] = readdirSync(s.spoolRoot);
  const dir = join(s.spoolRoot, scanDir!);
  const spooled = readdirSync(dir)
    .map((f) => /^page-(\d+)\.json$/.exec(f)?.[1])
    .filter((n) => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  return { dir, spooled };
}

/** Each spooled page is sealed: the header, and none of its pixels in the file as stored. */
function expectSealedSpool(s: Station, dir: string, spooled: number[]) {
  const keys = DataKeys.open(s.dataDir, { keychain: new FileKeychain(keyDir()), isNew: false });
  for (const index of spooled) {
    const file = join(dir, `page-${String(index).padStart(4, '0')}.raw`);
    const stored = readFileSync(file);
    expect(stored.subarray(0, 8).toString('latin1')).toBe('SOHOAENC');
    const plain = openFileBytes(stored, keys.keyFor);
    expect(plain.length).toBeGreaterThan(10_000);
    for (let at = 0; at + 32 < plain.length; at += Math.floor(plain.length / 8))
      expect(stored.includes(plain.subarray(at, at + 32))).toBe(false);
  }
}

function keyDir(): string {
  const dir = process.env.SOHOA_KEY_DIR;
  if (!dir) throw new Error('vitest.config.ts sets SOHOA_KEY_DIR');
  return dir;
}

async function expectPng(s: Station, pageId: number) {
  const { bytes } = s.store.readPage(pageId);
  const meta = await sharp(bytes).metadata();
  expect(meta.format).toBe('png');
  expect(meta.width).toBeGreaterThan(100);
}

describe('spool recovery after the app was SIGKILLed', () => {
  let s: Station;
  beforeAll(async () => {
    s = await station();
  });

  it('killed before page 4 landed: the next start lands the spooled pages once, in order, with events', async () => {
    const { dir, spooled } = await killDuringLanding(s, 'before', 4);
    expect(componentPages(s)).toHaveLength(3);
    expectSealedSpool(s, dir, spooled);
    // page 4 at least, plus whatever the host finished before it saw the app die
    expect(spooled[0]).toBe(4);
    expect(spooled).toEqual(spooled.map((_, i) => 4 + i));

    // The core's path: the scan sessions service recovers as it starts and publishes the pages.
    const events: Array<PageAcquired & { sessionId: string }> = [];
    const service = new ScanService(s.dataDir, () => scanner);
    services.push(service);
    new ScanSessions(service, (event, payload) => {
      if (event === 'scan.pageAcquired')
        events.push(payload as PageAcquired & { sessionId: string });
    });
    const report = await service.recoverSpool();
    expect(report.alreadyLanded).toBe(0);
    expect(report.stranded).toEqual([]);
    expect(events.map((e) => e.index)).toEqual(spooled);
    expect(events[0]!.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    const pages = componentPages(s);
    expect(pages).toHaveLength(3 + spooled.length);
    // landed in scan order: page ids follow the events, positions follow the ids
    const recoveredIds = events.map((e) => ('pageId' in e.location ? e.location.pageId : -1));
    expect(pages.slice(3).map((p) => p.id)).toEqual(recoveredIds);
    for (const id of recoveredIds) await expectPng(s, id);
    expect(readdirSync(s.spoolRoot)).toEqual([]);

    // A second start finds nothing left to do.
    const again = new ScanService(s.dataDir, () => scanner);
    services.push(again);
    expect((await again.recoverSpool()).landed).toEqual([]);
    expect(componentPages(s)).toHaveLength(3 + spooled.length);
  });

  it('killed after the store committed page 2: it is not landed twice, the rest land before a new scan', async () => {
    const before = componentPages(s).length;
    const { spooled } = await killDuringLanding(s, 'after', 2);
    expect(componentPages(s)).toHaveLength(before + 2);
    expect(spooled[0]).toBe(2); // committed, but still in the spool

    const service = new ScanService(s.dataDir, () => scanner);
    services.push(service);
    const acquired: number[] = [];
    // A new flatbed scan: recovery runs first, so the recovered pages precede its page.
    const { pages: fresh } = await service.scan(
      { device: 'test:0', source: 'flatbed', dpi: 50, mode: 'gray' },
      new DossierDestination(s.store, s.MaHoSo, 'GCS'),
      { onPageAcquired: (e) => acquired.push(e.index) },
    );
    const report = await service.recoverSpool();
    expect(report.alreadyLanded).toBe(1);
    expect(report.landed.map((e) => e.index)).toEqual(spooled.slice(1));
    expect(acquired).toEqual([...spooled.slice(1), 1]);
    const pages = componentPages(s);
    expect(pages).toHaveLength(before + 2 + (spooled.length - 1) + 1);
    expect(pages.at(-1)!.id).toBe('pageId' in fresh[0]!.location ? fresh[0]!.location.pageId : -1);
    expect(readdirSync(s.spoolRoot)).toEqual([]);
  });

  it('a dossier that no longer exists: the pages stay in the spool, reported to the log and the doctor', async () => {
    const t = await station();
    const { dir, spooled } = await killDuringLanding(t, 'before', 2);
    const targetFile = join(dir, 'target.json');
    // The dossier was removed while the app was down (the store has no delete; rewrite the code).
    const recorded = JSON.parse(readFileSync(targetFile, 'utf8')) as {
      target: { MaHoSo: string };
    };
    recorded.target.MaHoSo = 'DA-XOA-000001';
    writeFileSync(targetFile, JSON.stringify(recorded));
    const filesBefore = readdirSync(dir).sort();

    const logged: string[] = [];
    const { default: pino } = await import('pino');
    const logger = pino({ level: 'info' }, { write: (line: string) => logged.push(line) });
    const service = new ScanService(t.dataDir, () => scanner, { logger });
    services.push(service);
    const report = await service.recoverSpool();
    expect(report.landed).toEqual([]);
    expect(report.stranded).toEqual([
      expect.objectContaining({
        dir,
        pages: spooled.length,
        reason: expect.stringContaining('DA-XOA-000001'),
      }),
    ]);
    expect(readdirSync(dir).sort()).toEqual(filesBefore);
    expect(componentPages(t)).toHaveLength(1);
    expect(logged.some((l) => l.includes('"level":50') && l.includes(dir))).toBe(true);

    const check = await spoolDoctorCheck(t.dataDir).run();
    expect(check.status).toBe('warn');
    expect(check.message.en).toContain(`${spooled.length} scanned page(s)`);
    expect(check.message.en).toContain('DA-XOA-000001/GCS');
    expect(existsSync(dir)).toBe(true);
  });

  it('sealed pages and a PC without the key: they stay in the spool, then land once the key is back', async () => {
    const t = await station();
    const { dir, spooled } = await killDuringLanding(t, 'before', 2);
    expectSealedSpool(t, dir, spooled);
    const filesBefore = readdirSync(dir).sort();

    // Another keychain (a copied folder, another Windows account): the spool cannot be opened.
    const elsewhere = DataKeys.open(t.dataDir, {
      keychain: new FileKeychain(tempDir('other-keychain')),
      isNew: false,
    });
    const { default: pino } = await import('pino');
    const silent = pino({ level: 'silent' });
    const locked = new ScanService(t.dataDir, () => scanner, { keys: elsewhere, logger: silent });
    services.push(locked);
    const report = await locked.recoverSpool();
    expect(report.landed).toEqual([]);
    expect(report.stranded).toEqual([
      expect.objectContaining({
        dir,
        pages: spooled.length,
        reason: expect.stringMatching(/keychain/),
      }),
    ]);
    expect(readdirSync(dir).sort()).toEqual(filesBefore);
    expect(componentPages(t)).toHaveLength(1);

    // With the key (this PC's keychain) every page lands, in order.
    const service = new ScanService(t.dataDir, () => scanner, { logger: silent });
    services.push(service);
    const landed = await service.recoverSpool();
    expect(landed.landed.map((e) => e.index)).toEqual(spooled);
    expect(componentPages(t)).toHaveLength(1 + spooled.length);
    for (const page of componentPages(t).slice(1)) await expectPng(t, page.id);
    expect(existsSync(dir)).toBe(false);
  });
});
