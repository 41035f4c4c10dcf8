/**
 * Issue #12's acceptance over a station's whole life, not only the store: a citizen's dossiers
 * scanned on the SANE test device, the app SIGKILLed mid-feeder so pages are left in the scanner
 * spool, a transfer package from another counter imported, a batch job's ADF run, a dossier
 * finished (PDFs and the receipt). Then every file under the data folder and under the temp
 * folder the app and its child processes used is read raw and searched for the citizen's name
 * (NFC, NFD, UTF-16, folded), CCCD, address, and for the pages' pixels and any image or PDF
 * header. Without the key nothing opens; with it everything does, including the spool recovery.
 */
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline as pipe } from 'node:stream/promises';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { createJob, jobPages, scanIntoJob } from '../../src-main/core/batch/index.js';
import { createCore } from '../../src-main/core/index.js';
import { dossierService, storeService } from '../../src-main/core/dossiers/index.js';
import { finishService } from '../../src-main/core/finish/index.js';
import { pipelineService } from '../../src-main/core/pipeline/index.js';
import {
  DataKeys,
  FileKeychain,
  configSchema,
  createFileLogger,
  createPlainReadStream,
  openFileBytes,
} from '../../src-main/platform/index.js';
import { DossierDestination, ScanService } from '../../src-main/scan/index.js';
import { openStore, type Store } from '../../src-main/store/index.js';
import { OutboxStore, importPackage, writePackage } from '../../src-main/sync/index.js';
import { componentId, landPage } from '../pipeline/helpers.js';
import { killScanningApp } from '../scan/kill-scanning-app.js';
import { useSaneTestDevice } from '../scan/sane-test-device.js';
import { entry } from '../sync/fixtures.js';
import { AGENCY, CITIZEN } from './keys-fixtures.js';

// Everything the app (and the scanner host, workers and children it starts) puts in the temp
// folder goes under `appTmp`, so it is searched too. The transfer package lives on "a USB stick"
// outside both: it is the clerk's file, plain by design.
const appTmp = mkdtempSync(join(tmpdir(), 'sohoa-every-file-tmp-'));
const usb = mkdtempSync(join(tmpdir(), 'sohoa-every-file-usb-'));
process.env.TMPDIR = appTmp;
useSaneTestDevice();
process.env.LC_ALL = 'C';
const dataDir = join(appTmp, 'data');
/** Distinct pixels from the test device (its default picture is solid black). */
const PATTERN = { mode: 'color', deviceOptions: { 'test-picture': 'Color pattern' } } as const;

afterAll(() => {
  rmSync(appTmp, { recursive: true, force: true });
  rmSync(usb, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return []; // removed meanwhile (a temp file of the running app)
    return stat.isDirectory() ? filesUnder(path) : stat.isFile() ? [path] : [];
  });
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** The citizen's values in every encoding a file could hold them in. */
function textNeedles(): Array<{ what: string; bytes: Buffer }> {
  const values = [CITIZEN.name, CITIZEN.cccd, CITIZEN.address];
  return values.flatMap((value) => {
    const forms = new Set([
      value.normalize('NFC'),
      value.normalize('NFD'),
      fold(value),
      fold(value).toLowerCase(),
    ]);
    return [...forms].flatMap((form) => {
      const utf16le = Buffer.from(form, 'utf16le');
      const utf16be = Buffer.from(utf16le).swap16();
      return [
        { what: `"${form}" (UTF-8)`, bytes: Buffer.from(form, 'utf8') },
        { what: `"${form}" (UTF-16LE)`, bytes: utf16le },
        { what: `"${form}" (UTF-16BE)`, bytes: utf16be },
      ];
    });
  });
}

/** Headers of the images and PDFs a station holds (long enough never to occur by chance). */
const FORMAT_NEEDLES = [
  { what: 'PNG header', bytes: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') },
  { what: 'PDF header', bytes: Buffer.from('%PDF-1.') },
  { what: 'JPEG/JFIF header', bytes: Buffer.from('ffd8ffe000104a464946', 'hex') },
];

/** 48-byte windows spread over a page's bytes (raw samples or an encoded image). */
function pixelNeedles(what: string, bytes: Buffer): Array<{ what: string; bytes: Buffer }> {
  const out: Array<{ what: string; bytes: Buffer }> = [];
  const step = Math.max(48, Math.floor(bytes.length / 8));
  for (let at = 64; at + 48 <= bytes.length; at += step)
    out.push({ what: `${what} @${at}`, bytes: bytes.subarray(at, at + 48) });
  return out;
}

function leaks(dirs: string[], needles: Array<{ what: string; bytes: Buffer }>): string[] {
  const found: string[] = [];
  for (const file of dirs.flatMap(filesUnder)) {
    let raw: Buffer;
    try {
      raw = readFileSync(file);
    } catch {
      continue; // a temp file renamed away between the listing and the read
    }
    for (const n of needles) if (raw.includes(n.bytes)) found.push(`${n.what} in ${file}`);
  }
  return found;
}

const spoolFiles = () =>
  filesUnder(join(dataDir, 'spool', 'scan')).filter((f) => /page-\d+\.raw$/.test(f));

/** A PDF as another counter made it, carrying the citizen's name in its text. */
function transferPackageSource(): Parameters<typeof writePackage>[0] {
  mkdirSync(join(usb, 'station-a'), { recursive: true });
  const base = entry(join(usb, 'station-a'), 1, { fileCount: 1 });
  const pdf = Buffer.concat([
    Buffer.from(`%PDF-1.7\n% Tờ khai của ${CITIZEN.name}, CCCD ${CITIZEN.cccd}\n`),
    Buffer.alloc(90_000, 'x'),
    Buffer.from('\n%%EOF\n'),
  ]);
  const path = join(usb, 'station-a', 'to-khai.pdf');
  writeFileSync(path, pdf);
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const [doc] = base.dossier.TaiLieuNop;
  return {
    dossier: {
      ...base.dossier,
      ChuHoSo: CITIZEN.name,
      DiaChi: CITIZEN.address,
      DinhDanhCHS: { LoaiDinhDanh: '1', SoDinhDanh: CITIZEN.cccd },
      TaiLieuNop: [{ ...doc!, TenTepDinhKem: 'to-khai.pdf', HashTepTin: sha256 }],
    },
    files: [{ path, sha256, size: pdf.length, filename: 'to-khai.pdf', mime: 'application/pdf' }],
  };
}

const sha256Of = async (path: string): Promise<string> => {
  const hash = createHash('sha256');
  await pipe(createPlainReadStream(path), hash);
  return hash.digest('hex');
};

describe('no plaintext citizen data in any file of a station', () => {
  it('after scanning, a killed scan, a package, a batch run and a finish; everything opens with the key', async () => {
    mkdirSync(dataDir, { recursive: true });
    const logger = await createFileLogger({
      dataDir,
      level: 'trace',
      maxFileSizeMb: 10,
      keepFiles: 2,
    });
    const core = createCore({
      dataDir,
      logger: logger.logger,
      env: {
        SOHOA_AGENCY_CODE: AGENCY,
        SOHOA_AGENCY_NAME: 'UBND phường Bến Nghé',
        SOHOA_PIPELINE_WORKERS: '1',
        SOHOA_MACHINE_CONFIG: join(appTmp, 'machine.json'),
      },
    });
    const scanner = new ScanService(dataDir, () => configSchema.parse({}).scanner, {
      logger: logger.logger,
    });
    let spooledPlain: Buffer[] = [];
    let landedJpeg: Buffer;
    let finishedMaHoSo: string;
    let dossierB: string;
    let batchPages: number;
    let importedCode: string;
    try {
      const dossiers = await core.use(dossierService);
      const store = await core.use(storeService);
      const pipeline = await core.use(pipelineService);
      const planted = {
        MaTTHC: '1.001193',
        ChuHoSo: CITIZEN.name,
        SoDinhDanh: CITIZEN.cccd,
        DiaChi: CITIZEN.address,
      };

      // Dossier A: the counter's pages (rendered fixtures, as the finish tests use), finished.
      const a = dossiers.create(planted, 'clerk-01');
      finishedMaHoSo = a.dossier.MaHoSo;
      await landPage(store, componentId(a, 'TK_KHAI_SINH'), { kind: 'form', seed: 21, dpi: 200 });
      const birth = await landPage(store, componentId(a, 'GIAY_CHUNG_SINH'), {
        kind: 'prose',
        seed: 8,
        dpi: 200,
      });
      landedJpeg = Buffer.from(store.readPage(birth.page.id).bytes);

      // Dossier B: scanned on the test device; then an app dies mid-feeder, leaving the spool.
      const b = dossiers.create(planted, 'clerk-01');
      dossierB = b.dossier.MaHoSo;
      const live = await scanner.scan(
        { device: 'test:0', source: 'flatbed', dpi: 50, ...PATTERN },
        new DossierDestination(store, dossierB, 'TK_KHAI_SINH'),
      );
      expect(live.pages).toHaveLength(1);
      await killScanningApp({
        dataDir,
        MaHoSo: dossierB,
        component: 'GIAY_CHUNG_SINH',
        when: 'before',
        stopAt: 2,
        request: PATTERN,
      });
      expect(spoolFiles().length).toBeGreaterThan(0);
      const keys = DataKeys.open(dataDir, { keychain: new FileKeychain(keyDir()), isNew: false });
      spooledPlain = spoolFiles().map((f) => openFileBytes(readFileSync(f), keys.keyFor));

      // A transfer package from another counter, queued here for delivery.
      const pkg = join(usb, 'transfer.zip');
      await writePackage(transferPackageSource(), pkg);
      const imported = await importPackage(pkg, dataDir, new OutboxStore(store.db, Date.now));
      expect(imported.files).toBe(1);
      importedCode = imported.code;

      // A batch job's ADF run (landed; its pages stay in the job's spool).
      await createJob(
        store,
        {
          name: 'lo-ho-tich',
          source: 'test:0',
          sourceKind: 'scanner',
          separator: 'count:5',
          MaTTHC: '1.001193',
        },
        { samplePercent: 5, agency: AGENCY },
      );
      const run = await scanIntoJob(store, 'lo-ho-tich', scanner, {
        request: { dpi: 50, pageSize: 'max', ...PATTERN },
      });
      batchPages = run.pages;
      expect(batchPages).toBe(10);

      // Finish A: searchable PDFs and the receipt (name, CCCD, address printed on it).
      await pipeline.waitForDossier(a.dossier.id, { timeoutMs: 400_000 });
      const finishing = await core.use(finishService);
      finishing.waive(
        finishedMaHoSo,
        'GT_TUY_THAN',
        'Đã đối chiếu bản chính',
        'clerk-01',
        'clerk-01',
      );
      const finished = await finishing.finish(finishedMaHoSo, {
        clerk: 'Lê Văn Tám',
        actor: 'clerk-01',
      });
      expect(finished.documents.length).toBeGreaterThan(0);
      expect(finishing.receipt(finishedMaHoSo).bytes.subarray(0, 5).toString()).toBe('%PDF-');

      // Mid-use (the database's WAL is live): nothing readable already.
      const needles = [
        ...textNeedles(),
        ...FORMAT_NEEDLES,
        ...pixelNeedles('rendered page', landedJpeg),
        ...spooledPlain.flatMap((p, i) => pixelNeedles(`spooled page ${i}`, p)),
      ];
      expect(leaks([appTmp], needles)).toEqual([]);
    } finally {
      await scanner.close();
      await core.close();
      await logger.close();
    }

    // At rest: every file of the data folder and of the temp folder, raw.
    const needles = [
      ...textNeedles(),
      ...FORMAT_NEEDLES,
      ...pixelNeedles('rendered page', landedJpeg),
      ...spooledPlain.flatMap((p, i) => pixelNeedles(`spooled page ${i}`, p)),
    ];
    // the needles do find the values where they are plain: the page itself, the package
    expect(leaks([usb], needles).length).toBeGreaterThan(3);
    expect(spooledPlain.length).toBeGreaterThan(0);
    // at least A's two pages, its PDF(s) and receipt, the test device's page (identical sheets
    // share one content-addressed blob); every one sealed
    const blobs = filesUnder(join(dataDir, 'blobs')).filter((f) => /[0-9a-f]{64}$/.test(f));
    expect(blobs.length).toBeGreaterThanOrEqual(5);
    for (const blob of blobs)
      expect(readFileSync(blob).subarray(0, 8).toString('latin1')).toBe('SOHOAENC');
    expect(leaks([appTmp], needles)).toEqual([]); // the data folder is inside it
    const logs = filesUnder(join(dataDir, 'logs'));
    expect(logs.length).toBeGreaterThan(0);

    // Without the key (another PC's keychain): the store does not open, the spool stays put.
    const elsewhere = new FileKeychain(join(usb, 'other-keychain'));
    await expect(openStore(dataDir, { keychain: elsewhere })).rejects.toMatchObject({
      code: 'KEY_MISSING',
    });
    const spoolBefore = spoolFiles();
    const locked = new ScanService(dataDir, () => configSchema.parse({}).scanner, {
      keys: DataKeys.open(dataDir, { keychain: elsewhere, isNew: false }),
      logger: (await import('pino')).default({ level: 'silent' }),
    });
    try {
      const report = await locked.recoverSpool();
      expect(report.landed).toEqual([]);
      expect(report.stranded.map((s) => s.pages)).toEqual([spoolBefore.length]);
    } finally {
      await locked.close();
    }
    expect(spoolFiles()).toEqual(spoolBefore);

    // With it, everything opens: the spool lands, pages decode, PDFs and the package read back.
    const recovering = new ScanService(dataDir, () => configSchema.parse({}).scanner, {
      logger: (await import('pino')).default({ level: 'silent' }),
    });
    try {
      const report = await recovering.recoverSpool();
      expect(report.landed.map((e) => e.index)).toEqual(
        spoolBefore.map((f) => Number(/page-(\d+)\.raw$/.exec(f)?.[1])),
      );
    } finally {
      await recovering.close();
    }
    expect(spoolFiles()).toEqual([]);
    const store: Store = await openStore(dataDir);
    try {
      const hits = store.search.search({ query: fold(CITIZEN.name).toLowerCase() });
      expect(hits.length).toBeGreaterThanOrEqual(2);
      const b = store.dossiers.requireByCode(dossierB);
      const bPages = store.dossiers
        .components(b.id)
        .flatMap((c) => store.dossiers.documents(c.id))
        .flatMap((d) => store.pages.list(d.id));
      // the live flatbed page, the feeder's first page (landed before the kill), the spooled ones
      expect(bPages).toHaveLength(2 + spoolBefore.length);
      for (const page of bPages) {
        const meta = await sharp(store.readPage(page.id).bytes).metadata();
        expect(meta.width).toBeGreaterThan(50);
      }
      const a = store.dossiers.requireByCode(finishedMaHoSo);
      const pdfs = store.dossiers
        .components(a.id)
        .flatMap((c) => store.dossiers.documents(c.id))
        .flatMap((d) => (d.pdfSha256 ? [d.pdfSha256] : []));
      expect(pdfs.length).toBeGreaterThan(0);
      for (const sha of pdfs) expect(store.blobs.read(sha).subarray(0, 5).toString()).toBe('%PDF-');
      expect(jobPages(store, 'lo-ho-tich')).toHaveLength(batchPages);
      const outbox = new OutboxStore(store.db, Date.now);
      const item = outbox.byCode(importedCode);
      expect(item?.dossier.ChuHoSo).toBe(CITIZEN.name);
      for (const file of outbox.files(item!.id)) {
        expect(readFileSync(file.path).subarray(0, 8).toString('latin1')).toBe('SOHOAENC');
        expect(await sha256Of(file.path)).toBe(file.sha256);
      }
    } finally {
      store.close();
    }
  }, 900_000);
});

function keyDir(): string {
  const dir = process.env.SOHOA_KEY_DIR;
  if (!dir) throw new Error('vitest.config.ts sets SOHOA_KEY_DIR');
  return dir;
}
