/**
 * Output of a bulk job through the real pipeline (cleanup + tesseract.js OCR), the real signer
 * (a PKCS#12 test certificate) and the reference gateway on 127.0.0.1: dossiers wait for QA as
 * the policy says, a rejected page holds its dossier back, component PDFs are searchable and
 * signed, packages import into another station's outbox, queued dossiers reach the province with
 * their files, a repeated run delivers nothing twice, and the report counts the output.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildReport,
  createJob,
  decideQa,
  jobPages,
  outputJob,
  qaQueue,
  reportBytes,
  runJob,
  targetsFrom,
  type OutputOptions,
} from '../../src-main/core/batch/index.js';
import { storeService } from '../../src-main/core/dossiers/index.js';
import { createCore, type Core } from '../../src-main/core/index.js';
import { pipelineService } from '../../src-main/core/pipeline/index.js';
import { isAppError, type BatchOutputResult } from '../../src-main/domain/index.js';
import { openP12SignerFile } from '../../src-main/pdf/index.js';
import type { Store } from '../../src-main/store/index.js';
import {
  OutboxStore,
  SyncEngine,
  importPackage,
  startGateway,
  storeStation,
  type RunningGateway,
} from '../../src-main/sync/index.js';
import { makeTestPki, type TestPki } from '../fixtures/pki/make-pki.js';
import { encodePage, renderPage } from '../fixtures/render.js';
import { pdfsig } from '../sign/helpers.js';
import { AGENCY, CREDENTIALS, settingsFor, syncDb } from '../sync/fixtures.js';
import { receiptSheet } from './fixture.js';
import { readCsvReport, summaryOf } from './report-reader.js';

const JOB = 'luu-tru-2019';
let root: string;
let core: Core;
let store: Store;
let gateway: RunningGateway;
let pki: TestPki;
let codes: string[];
let names: string[];
let opened = 0;

/** Runs `outputJob`; `sign`: the request signs, with the test certificate. */
let output: (input: unknown, sign?: boolean) => Promise<BatchOutputResult>;

/** The run's options: the P12 test certificate when signing, counting how often it is opened. */
function options(pipeline: OutputOptions['pipeline'], sign: boolean): OutputOptions {
  return {
    pipeline,
    agency: core.config.agency,
    ...(sign
      ? {
          signing: {
            open: async () => {
              opened += 1;
              return openP12SignerFile(pki.signer.p12File, pki.p12Password);
            },
            settings: core.config.signing,
          },
        }
      : {}),
  };
}

function auditCount(action: string, dossierId?: number): number {
  return (
    store.db
      .prepare(
        `SELECT count(*) AS n FROM audit_log WHERE action = ?${dossierId === undefined ? '' : ' AND dossier_id = ?'}`,
      )
      .get(action, ...(dossierId === undefined ? [] : [dossierId])) as { n: number }
  ).n;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sohoa-batch-output-'));
  mkdirSync(join(root, 'pki'));
  pki = makeTestPki(join(root, 'pki'));
  gateway = await startGateway({ dataDir: join(root, 'gw'), credentials: CREDENTIALS });
  // Backlog receipts carry codes the province issued long ago.
  codes = gateway.repo.leaseCodes('station-test', AGENCY, '190305', 3) ?? [];
  const source = join(root, 'source');
  mkdirSync(source);
  names = [];
  for (const [i, code] of codes.entries()) {
    const form = await renderPage({ kind: 'form', seed: 31 + i, dpi: 200 });
    names.push(form.truth.fields?.fullName ?? '');
    writeFileSync(join(source, `${i}-1.png`), await receiptSheet(code));
    writeFileSync(join(source, `${i}-2.png`), await encodePage(form.image, 'png'));
  }
  core = createCore({
    dataDir: join(root, 'data'),
    env: {
      SOHOA_MACHINE_CONFIG: join(root, 'none.json'),
      SOHOA_AGENCY_CODE: AGENCY,
      SOHOA_PIPELINE_WORKERS: '2',
      SOHOA_BATCH_QA_SAMPLE_PERCENT: '0',
    },
  });
  store = await core.use(storeService);
  const pipeline = await core.use(pipelineService);
  output = (input, sign = false) =>
    outputJob(store, { ...(input as object), ...(sign ? { sign } : {}) }, options(pipeline, sign));
  await createJob(
    store,
    { name: JOB, source, MaTTHC: '1.001193', processing: 'ocr' },
    { agency: AGENCY, samplePercent: 0 },
  );
  const status = await runJob(store, JOB, { pipeline });
  expect(status.processing).toEqual({ pending: 0, processing: 0, done: 6, failed: 0 });
}, 900_000);

afterAll(async () => {
  await core?.close();
  await gateway?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('batch output', () => {
  it('refuses a bad request in Vietnamese and English', async () => {
    for (const bad of [
      { name: JOB, target: 'packages' },
      { name: JOB, target: 'queue', dir: root },
      { name: JOB, target: 'ftp' },
      { name: JOB, target: 'queue', qa: 'maybe' },
    ]) {
      const error = await output(bad).catch((e: unknown) => e);
      expect(isAppError(error) && error.code).toBe('VALIDATION');
      expect(isAppError(error) && error.messageVi).toMatch(/Yêu cầu xuất lô/);
      expect(isAppError(error) && error.message).toMatch(/job output request/);
    }
    const unknown = await output({ name: 'khong-co', target: 'queue' }).catch((e: unknown) => e);
    expect(isAppError(unknown) && unknown.code).toBe('NOT_FOUND');
    const noSigner = await outputJob(
      store,
      { name: JOB, target: 'queue', sign: true },
      options(await core.use(pipelineService), false),
    ).catch((e: unknown) => e);
    expect(isAppError(noSigner) && noSigner.code).toBe('SIGNING_NOT_CONFIGURED');
    expect(auditCount('batch.output')).toBe(0);
  });

  it('holds dossiers until QA accepts their pages; a rejected page holds its dossier', async () => {
    const dir = join(root, 'packages');
    const waiting = await output({ name: JOB, target: 'packages', dir }, true);
    // The receipts were scanned at 150 dpi: flagged, so in the QA queue, not reviewed yet.
    expect(waiting.dossiers.map((d) => [d.MaHoSo, d.outcome])).toEqual(
      codes.map((c) => [c, 'held']),
    );
    const hold = waiting.dossiers[0]?.holds[0];
    expect(hold?.code).toBe('QA_OPEN');
    expect(hold?.vi).toMatch(/chưa được kiểm tra/);
    expect(hold?.en).toMatch(/not reviewed yet/);
    expect(opened).toBe(0); // nothing to sign: the PIN is not even asked
    expect(readdirSync(dir)).toEqual([]);

    const queue = qaQueue(store, { name: JOB, filter: 'all' });
    const byCode = (code: string | undefined) => queue.filter((q) => q.MaHoSo === code);
    for (const item of byCode(codes[0]))
      decideQa(store, { name: JOB, pageId: item.pageId, decision: 'accepted', reviewer: 'Lan' });
    const rejected = byCode(codes[1])[0]?.pageId as number;
    decideQa(store, { name: JOB, pageId: rejected, decision: 'rejected', reviewer: 'Lan' });

    const result = await output({ name: JOB, target: 'packages', dir }, true);
    expect(result.dossiers.map((d) => [d.MaHoSo, d.outcome])).toEqual([
      [codes[0], 'delivered'],
      [codes[1], 'held'],
      [codes[2], 'held'],
    ]);
    expect(result.dossiers[1]?.holds.map((h) => [h.code, h.pageIds])).toEqual([
      ['QA_REJECTED', [rejected]],
    ]);
    expect(result.dossiers[2]?.holds.map((h) => h.code)).toEqual(['QA_OPEN']);
    expect(opened).toBe(1);
    expect(readdirSync(dir)).toEqual([`${codes[0]}.zip`]);

    // The package is the contract dossier with its signed, searchable component PDF: another
    // station's import checks its shape and every file's sha256.
    const relay = await syncDb(join(root, 'relay'));
    const outbox = new OutboxStore(relay, Date.now);
    const imported = await importPackage(join(dir, `${codes[0]}.zip`), join(root, 'relay'), outbox);
    expect(imported).toEqual({ code: codes[0], files: 1, outcome: 'queued' });
    const item = outbox.byCode(codes[0] as string);
    expect(item?.dossier).toMatchObject({
      MaHoSo: codes[0],
      MaTTHC: '1.001193',
      ChuHoSo: 'Chưa xác định',
      NoiNopHoSo: AGENCY,
      NgayTiepNhan: '20190305000000',
      HoSoCoThanhPhanSoHoa: 1,
    });
    expect(item?.dossier.DinhDanhCHS).toBeUndefined();
    const [doc] = item?.dossier.TaiLieuNop ?? [];
    expect(doc).toMatchObject({ DuocSoHoa: 1, SoTrang: 2, CoChuKySo: 1 });
    const pdf = join(root, 'first.pdf');
    writeFileSync(pdf, store.blobs.read(doc?.HashTepTin ?? ''));
    expect(execFileSync('qpdf', ['--check', pdf], { encoding: 'utf8' })).toContain(
      'No syntax or stream encoding errors',
    );
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).normalize('NFC');
    expect(text).toContain((names[0] ?? '-').normalize('NFC').split(' ').at(-1));
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toContain(codes[0]);
    expect(info).toMatch(/Pages:\s+2/);
    const sig = pdfsig(pdf);
    expect(sig).toContain('Signature is Valid');
    expect(sig).toContain('Total document signed');
  }, 600_000);

  it('a repeated run keeps what it delivered: no second PDF, signature or package', async () => {
    const dir = join(root, 'packages');
    const zip = readFileSync(join(dir, `${codes[0]}.zip`));
    const first = store.dossiers.requireByCode(codes[0] as string).id;
    const pdfs = auditCount('document.pdf', first);
    const again = await output({ name: JOB, target: 'packages', dir }, true);
    expect(again.dossiers[0]?.outcome).toBe('kept');
    expect(again.delivered).toBe(0);
    expect(opened).toBe(1);
    expect(auditCount('document.pdf', first)).toBe(pdfs);
    expect(auditCount('batch.output.package', first)).toBe(1);
    expect(readFileSync(join(dir, `${codes[0]}.zip`)).equals(zip)).toBe(true);
    expect(readdirSync(dir)).toEqual([`${codes[0]}.zip`]);
  }, 300_000);

  it('queues dossiers for the sync engine, which delivers them with their files to the province', async () => {
    // Unreviewed pages may pass under 'not-rejected'; the rejected one still holds its dossier.
    const result = await output({ name: JOB, target: 'queue', qa: 'not-rejected' }, true);
    expect(result.dossiers.map((d) => [d.MaHoSo, d.outcome])).toEqual([
      [codes[0], 'delivered'],
      [codes[1], 'held'],
      [codes[2], 'delivered'],
    ]);
    const delivered = [codes[0], codes[2]] as string[];
    for (const code of delivered)
      expect(store.dossiers.requireByCode(code).syncState).toBe('queued');
    expect(store.dossiers.requireByCode(codes[1] as string).syncState).toBe('local');

    const engine = new SyncEngine({
      db: store.db,
      settings: settingsFor(gateway),
      station: storeStation(store),
    });
    await engine.runUntilIdle();
    await engine.stop();
    for (const code of delivered) {
      const local = store.dossiers.requireByCode(code);
      expect(local.syncState).toBe('synced');
      const remote = gateway.repo.dossier(code);
      expect(remote).toMatchObject({ MaHoSo: code, ChuHoSo: 'Chưa xác định', MaTTHC: '1.001193' });
      const stored = store.dossiers
        .components(local.id)
        .flatMap((c) => store.dossiers.documents(c.id))
        .flatMap((d) => (d.pdfSha256 ? [d.pdfSha256] : []));
      expect(remote?.TaiLieuNop.map((d) => d.HashTepTin)).toEqual(stored);
      for (const doc of remote?.TaiLieuNop ?? []) {
        expect(doc.CoChuKySo).toBe(1);
        expect(gateway.repo.file(doc.TepDinhKemId)?.sha256).toBe(doc.HashTepTin);
      }
    }
    expect(gateway.repo.dossier(codes[1] as string)).toBeUndefined();

    // Delivered and synced: a repeated run queues nothing again.
    const again = await output({ name: JOB, target: 'queue', qa: 'not-rejected' }, true);
    expect(again.dossiers.map((d) => d.outcome)).toEqual(['kept', 'held', 'kept']);
    for (const code of delivered)
      expect(store.dossiers.requireByCode(code).syncState).toBe('synced');
  }, 600_000);

  it('counts the output in the report', async () => {
    const report = buildReport(store, JOB, targetsFrom(core.config.batch));
    const pdfs = report.summary.output.pdfs;
    expect(report.summary.output).toEqual({
      dossiers: 2,
      pdfs,
      signedPdfs: pdfs,
      queued: 2,
      synced: 2,
      packaged: 1,
    });
    expect(pdfs).toBe(2); // one component each, both pages in it
    const csv = join(root, 'report.csv');
    writeFileSync(csv, await reportBytes(report, 'csv'));
    const summary = summaryOf(await readCsvReport(csv));
    expect(summary.get('outputDossiers')).toBe('2');
    expect(summary.get('outputPdfs')).toBe('2');
    expect(summary.get('outputSigned')).toBe('2');
    expect(summary.get('outputQueued')).toBe('2');
    expect(summary.get('outputSynced')).toBe('2');
    expect(summary.get('outputPackaged')).toBe('1');
    expect(jobPages(store, JOB)).toHaveLength(6);
  });
});
