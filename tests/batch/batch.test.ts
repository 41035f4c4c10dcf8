import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJob, jobPages, jobStatus, runJob } from '../../src-main/core/batch/index.js';
import type { BatchStatus } from '../../src-main/core/batch/index.js';
import { place } from '../../src-main/core/batch/separation.js';
import { isAppError } from '../../src-main/domain/index.js';
import { openStore, type Store } from '../../src-main/store/index.js';
import { runCli } from '../cli/run-cli.js';
import { dossierCode, generateJob, type GeneratedJob } from './fixture.js';
import { killMidway } from './kill-midway.js';
import { readCsvReport, summaryOf } from './report-reader.js';

const PROCEDURE = '1.001193';
const AGENCY = '000.00.01.H01';
const DEFAULTS = { samplePercent: 5, agency: AGENCY };
/** The CLI children keep their data keys where this process does (cleanEnv drops SOHOA_*). */
const KEYS: Record<string, string> = process.env.SOHOA_KEY_DIR
  ? { SOHOA_KEY_DIR: process.env.SOHOA_KEY_DIR }
  : {};
const cli = (args: string[]) => runCli(args, KEYS);

let root: string;
let big: GeneratedJob;
let small: GeneratedJob;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sohoa-batch-'));
  // 2 + 48×14 + 102×13 = 2,000 pages in 150 dossiers
  big = await generateJob(join(root, 'big'), {
    leading: 2,
    dossiers: 150,
    perDossier: (d) => (d <= 48 ? 14 : 13),
    size: 'small',
  });
  small = await generateJob(join(root, 'small'), {
    leading: 2,
    dossiers: 6,
    perDossier: 10,
    size: 'small',
  });
}, 600_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Store pages of a dossier in filing order (components, documents, pages), as blob hashes. */
function filedBlobs(store: Store, dossierId: number): string[] {
  return store.dossiers
    .components(dossierId)
    .flatMap((c) => store.dossiers.documents(c.id))
    .flatMap((d) => store.pages.list(d.id))
    .map((p) => p.blobSha256);
}

/**
 * Starts `batch run --land-only`, SIGKILLs it once its progress lines report at least `atLeast`
 * pages; resolves the last count it reported.
 */
const killRunMidway = (dataDir: string, name: string, atLeast: number) =>
  killMidway(
    ['--data-dir', dataDir, 'batch', 'run', name, '--land-only'],
    KEYS,
    /^(\d+) trang\/pages/gm,
    atLeast,
  );

describe('sohoa batch: 2,000 pages in 150 QR-separated dossiers, killed twice', () => {
  it('files every page exactly once, in order, in the right dossier; the report counts match', async () => {
    const dataDir = join(root, 'data-big');
    const name = 'Huyen Dong Anh 2025';
    const total = big.pages.length;
    expect(total).toBe(2000);
    const files = new Set(big.pages.map((p) => p.path)).size + big.badFiles.length;
    const created = await cli([
      '--data-dir',
      dataDir,
      'batch',
      'create',
      '--name',
      name,
      '--source',
      big.dir,
      '--procedure',
      PROCEDURE,
      '--agency',
      AGENCY,
      '--unit-level',
      'district',
      '--backlog',
      '1000',
      '--json',
    ]);
    expect(created.code, created.stderr).toBe(0);
    expect((JSON.parse(created.stdout) as BatchStatus).files.total).toBe(files);

    const first = await killRunMidway(dataDir, name, 300);
    expect(first).toBeLessThan(total);
    const second = await killRunMidway(dataDir, name, first + 400);
    expect(second).toBeGreaterThan(first);
    expect(second).toBeLessThan(total);

    const run = await cli(['--data-dir', dataDir, 'batch', 'run', name, '--land-only', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/trang\/phút pages\/min · còn\/ETA/);
    const status = JSON.parse(run.stdout) as BatchStatus;
    expect(status.job.state).toBe('done');
    expect(status.pages).toBe(total);
    expect(status.dossiers).toBe(150);
    expect(status.reviewPages).toBe(2);
    expect(status.repeatedCodes).toEqual([]);
    expect(status.processing.pending).toBe(total - 2); // queued for the pipeline, not processed
    expect(status.badFiles.map((b) => [b.path, b.code])).toEqual([
      ['page_3a.png', 'IMPORT_EMPTY_FILE'],
      ['page_7a.jpg', 'IMPORT_CORRUPT'],
      ['readme.txt', 'BATCH_WRONG_EXTENSION'],
    ]);
    expect(status.files).toEqual({ total: files, pending: 0, done: files - 3, bad: 3 });
    // Each dossier is filed under the official code its receipt's QR carries.
    expect(status.dossierList.slice(1).map((d) => d.storeDossier?.MaHoSo)).toEqual(big.codes);

    const store = await openStore(dataDir);
    try {
      const pages = jobPages(store, name);
      expect(pages.map((p) => p.seq)).toEqual(pages.map((_, i) => i + 1));
      expect(pages.map((p) => [p.path, p.filePage, p.dossier])).toEqual(
        big.pages.map((p) => [p.path.replace(/^scans\//, ''), p.filePage, p.dossier]),
      );
      // Review-bin pages are in no dossier; every other page in exactly one, in scan order.
      expect(pages.filter((p) => p.dossier === 0).every((p) => p.pageId === null)).toBe(true);
      const filed = pages.filter((p) => p.dossier > 0);
      expect(new Set(filed.map((p) => p.pageId)).size).toBe(filed.length);
      const storePages = store.db.prepare('SELECT count(*) AS n FROM pages').get() as { n: number };
      expect(storePages.n).toBe(filed.length);
      for (const d of status.dossierList.slice(1)) {
        const id = d.storeDossier?.id as number;
        expect(filedBlobs(store, id)).toEqual(
          filed.filter((p) => p.dossier === d.position).map((p) => p.blobSha256),
        );
      }
    } finally {
      store.close();
    }

    const out = join(root, 'bao-cao.csv');
    const report = await cli(['--data-dir', dataDir, 'batch', 'report', name, '--out', out]);
    expect(report.code, report.stderr).toBe(0);
    const tables = await readCsvReport(out);
    const summary = summaryOf(tables);
    expect(summary.get('pages')).toBe('2000');
    expect(summary.get('dossiers')).toBe('150');
    expect(summary.get('reviewPages')).toBe('2');
    expect(summary.get('badFiles')).toBe('3');
    expect(summary.get('files')).toBe(String(files));
    expect(
      tables
        .get('Tệp lỗi - Bad files')
        ?.slice(1)
        .map((r) => r[0]),
    ).toEqual(['page_3a.png', 'page_7a.jpg', 'readme.txt']);
    expect(tables.get('Chờ xem lại - Review bin')?.slice(1)).toEqual([
      ['1', 'page_1.png', '1'],
      ['2', 'page_2.png', '1'],
    ]);
    const dossierRows = tables.get('Hồ sơ - Dossiers')?.slice(1) ?? [];
    expect(dossierRows).toHaveLength(151); // the review bin and 150 dossiers
    expect(dossierRows.reduce((n, r) => n + Number(r[3]), 0)).toBe(2000);
    const throughput = tables.get('Năng suất - Throughput')?.slice(1) ?? [];
    expect(throughput.reduce((n, r) => n + Number(r[2]), 0)).toBe(2000);
    // Nothing processed yet: landed, but no dossier counts toward the district's 40 %.
    expect(tables.get('Chỉ tiêu - Targets')?.slice(1)).toEqual([
      [AGENCY, 'huyện / district', '40', '1000', '150', '0', '0', 'chưa / no'],
    ]);
    // Landing measured ~70 ms a page here with 8 jobs on 2 cores (decode, QR, two fsyncs).
  }, 900_000);
});

describe('batch jobs in process', () => {
  it('splits by a fixed page count; a second run changes nothing', async () => {
    const store = await openStore(join(root, 'data-count'));
    try {
      await createJob(
        store,
        { name: 'theo-so-trang', source: small.dir, separator: 'count:8', MaTTHC: PROCEDURE },
        DEFAULTS,
      );
      const done = await runJob(store, 'theo-so-trang');
      expect(done.pages).toBe(62);
      expect(done.reviewPages).toBe(0);
      expect(done.dossierList.map((d) => d.pages)).toEqual([8, 8, 8, 8, 8, 8, 8, 6]);
      // No code on the paper: each dossier takes a provisional code of the job's agency.
      expect(done.dossierList[0]?.storeDossier?.MaHoSo).toMatch(
        /^TAM-000\.00\.01\.H01-\d{6}-0001$/,
      );
      const rerun = await runJob(store, 'theo-so-trang');
      expect(rerun.pages).toBe(62);
      expect(jobPages(store, 'theo-so-trang')).toHaveLength(62);
      expect((store.db.prepare('SELECT count(*) AS n FROM pages').get() as { n: number }).n).toBe(
        62,
      );
    } finally {
      store.close();
    }
  }, 60_000);

  it('opens the next component at a blank sheet; a code already filed is recorded, not reused', async () => {
    const source = await generateJob(join(root, 'components'), {
      leading: 0,
      dossiers: 3,
      perDossier: 3,
      componentBreak: 1,
    });
    const store = await openStore(join(root, 'data-components'));
    try {
      const spec = { source: source.dir, MaTTHC: PROCEDURE, components: 'blank' };
      await createJob(store, { ...spec, name: 'thanh-phan' }, DEFAULTS);
      const done = await runJob(store, 'thanh-phan');
      expect(done.dossiers).toBe(3);
      const pages = jobPages(store, 'thanh-phan');
      expect(pages.map((p) => p.component)).toEqual(
        source.pages.map((p) => (p.blank ? null : (p.component ?? null))),
      );
      const first = done.dossierList[0]?.storeDossier;
      expect(first?.MaHoSo).toBe(dossierCode(1));
      const [one, two] = store.dossiers.components(first?.id as number);
      const count = (componentId: number) =>
        store.dossiers.documents(componentId).flatMap((d) => store.pages.list(d.id)).length;
      expect([count(one?.id as number), count(two?.id as number)]).toEqual([1, 2]);

      // The same receipts scanned again in another job: their codes are taken, so the dossiers
      // get provisional codes and the batch keeps what the QR said.
      await createJob(store, { ...spec, name: 'quet-lai' }, DEFAULTS);
      const again = await runJob(store, 'quet-lai');
      expect(again.dossierList.map((d) => d.MaHoSo)).toEqual(source.codes);
      for (const d of again.dossierList) expect(d.storeDossier?.MaHoSo).toMatch(/^TAM-/);
    } finally {
      store.close();
    }
  }, 90_000);

  it('refuses bad input with a bilingual error and keeps existing jobs', async () => {
    const store = await openStore(join(root, 'data-input'));
    const codeOf = async (p: Promise<unknown>) => {
      try {
        await p;
        return 'ok';
      } catch (error) {
        if (!isAppError(error)) throw error;
        expect(error.messageVi).not.toBe(error.message);
        return error.code;
      }
    };
    const job = (extra: Record<string, unknown>) =>
      createJob(store, { name: 'a', source: small.dir, MaTTHC: PROCEDURE, ...extra }, DEFAULTS);
    try {
      expect(await codeOf(job({ separator: 'patch:7' }))).toBe('VALIDATION'); // no patch 7
      expect(await codeOf(job({ separator: 'patch:2,2' }))).toBe('VALIDATION'); // a type twice
      expect(await codeOf(job({ separator: 'count:0' }))).toBe('VALIDATION');
      expect(await codeOf(job({ name: '../x' }))).toBe('VALIDATION');
      expect(await codeOf(job({ source: join(root, 'missing') }))).toBe('NOT_FOUND');
      expect(await codeOf(job({ extra: 1 }))).toBe('VALIDATION');
      expect(await codeOf(job({ MaTTHC: '9.999999' }))).toBe('NOT_FOUND');
      expect(await codeOf(job({ samplePercent: 101 }))).toBe('VALIDATION');
      expect(await codeOf(job({ backlog: 10 }))).toBe('VALIDATION'); // no unit level
      expect(await codeOf(job({ separator: 'blank', components: 'blank' }))).toBe('VALIDATION');
      expect(
        await codeOf(
          createJob(
            store,
            { name: 'a', source: small.dir, MaTTHC: PROCEDURE },
            { samplePercent: 5 },
          ),
        ),
      ).toBe('VALIDATION'); // no agency anywhere
      expect(await codeOf(job({}))).toBe('ok');
      expect(await codeOf(job({ separator: 'count:5' }))).toBe('CONFLICT');
      expect(jobStatus(store, 'a').job.separation).toEqual({ kind: 'qr' });
      expect(() => jobStatus(store, 'khong-co')).toThrow(/No batch job named/);
    } finally {
      store.close();
    }
  });

  it('keeps a separator sheet and the receipt with the same code in one dossier', () => {
    const qr = { kind: 'qr' } as const;
    const code = '000.00.01.H01-250101-0001';
    const at = (position: number, MaHoSo: string | null, component: number | null) => ({
      dossierPosition: position,
      MaHoSo,
      pagesInDossier: 3,
      contentPages: 3,
      component,
      lastBlank: false,
    });
    expect(place(qr, 'single', at(0, null, null), { code })).toEqual({
      position: 1,
      MaHoSo: code,
      separator: true,
      blank: false,
      component: 1,
    });
    expect(place(qr, 'single', at(1, code, 1), { code }).position).toBe(1);
    expect(
      place(qr, 'single', at(1, code, 1), { code: '000.00.01.H01-250101-0002' }).position,
    ).toBe(2);
    expect(place(qr, 'single', undefined, {})).toMatchObject({ position: 0, component: null });
    // components by blank sheets: the sheet is kept, not content; the next page opens component 2
    expect(place(qr, 'blank', at(1, code, 1), { blank: true })).toMatchObject({
      position: 1,
      blank: true,
      component: null,
    });
    expect(place(qr, 'blank', { ...at(1, code, 1), lastBlank: true }, {}).component).toBe(2);
    expect(place(qr, 'single', { ...at(1, code, 1), lastBlank: true }, {}).component).toBe(1);
  });

  it('splits on blank separator sheets (both sides of one blank sheet open one dossier)', async () => {
    const blankJob = await generateJob(join(root, 'source-blank'), {
      leading: 1,
      dossiers: 3,
      perDossier: 2,
      separator: 'blank',
    });
    const store = await openStore(join(root, 'data-blank'));
    try {
      await createJob(
        store,
        { name: 'to-trang', source: blankJob.dir, separator: 'blank', MaTTHC: PROCEDURE },
        DEFAULTS,
      );
      const done = await runJob(store, 'to-trang');
      expect(done.dossiers).toBe(3);
      expect(done.reviewPages).toBe(1);
      expect(done.pages).toBe(blankJob.pages.length);
      expect(jobPages(store, 'to-trang').map((p) => [p.path, p.dossier])).toEqual(
        blankJob.pages.map((p) => [p.path.replace(/^scans\//, ''), p.dossier]),
      );
      expect(done.dossierList.map((d) => d.contentPages)).toEqual([1, 2, 2, 2]);
      // Blank separator sheets stay with the batch, not in the dossiers.
      expect((store.db.prepare('SELECT count(*) AS n FROM pages').get() as { n: number }).n).toBe(
        6,
      );
    } finally {
      store.close();
    }
  }, 60_000);
});
