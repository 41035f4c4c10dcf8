/**
 * Result papers digitized from the scanner, over the real HTTP transport on a real store: the
 * SANE test device scans into an unsaved result scan, a jam keeps what landed and Continue
 * appends, the pipeline cleans and reads every page, and saving builds a searchable PDF that
 * `dossier.findResults` finds and `dossier.reuse` copies (as its scanned pages) into a new dossier. A page with real
 * text is found by `dossier.search`. The result scan stays out of the dossier's checklist.
 */
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../src-main/api/index.js';
import type { RunningHttpServer } from '../../src-main/api/index.js';
import { resultScanService } from '../../src-main/core/result-scan/index.js';
import type { ResultScanDraft } from '../../src-main/core/result-scan/index.js';
import type { DossierDetail, ResultView } from '../../src-main/core/dossiers/index.js';
import type { SearchHit } from '../../src-main/store/index.js';
import { foldVietnamese } from '../../src-main/domain/index.js';
import { callApi, callResult } from '../api/call.js';
import { newDossier, openStation, scannedJpeg } from '../pipeline/helpers.js';
import type { Station } from '../pipeline/helpers.js';
import { useSaneTestDevice } from '../scan/sane-test-device.js';

/** The test device jams on its 2nd sheet, once (the scanner host reads this when it starts). */
const JAM_AT = 2;
/** The test device's feeder holds 10 sheets each time it is opened. */
const FEEDER_SHEETS = 10;
useSaneTestDevice();
process.env.SOHOA_SCAN_INJECT_STATUS = `${JAM_AT}:SANE_STATUS_JAMMED:once`;

const TOKEN = 'result-scan-test-token';
const SCAN = { device: 'test:0', source: 'adf', dpi: 50, mode: 'gray' } as const;
let station: Station;
let server: RunningHttpServer;
const ended = new Map<string, { name: string; payload: Record<string, unknown> }>();

beforeAll(async () => {
  station = await openStation({ SOHOA_PIPELINE_WORKERS: '1' });
  server = await startHttpServer({
    core: station.core,
    token: TOKEN,
    port: 0,
    rendererDir: station.dataDir,
  });
  station.core.events.subscribe((name, payload) => {
    if (name === 'scan.finished' || name === 'scan.failed') {
      const p = payload as Record<string, unknown>;
      ended.set(p.sessionId as string, { name, payload: p });
    }
  });
});

afterAll(async () => {
  await server?.close();
  await station?.remove();
});

const call = (method: string, input: unknown) => callApi(server.url, TOKEN, method, input);
const ok = <T>(method: string, input: unknown) => callResult<T>(server.url, TOKEN, method, input);
function failure(answer: { body: Record<string, unknown> }) {
  return answer.body.error as { code: string; message: string; messageVi: string };
}
async function sessionEnd(sessionId: string) {
  await expect.poll(() => ended.get(sessionId), { timeout: 90_000, interval: 100 }).toBeDefined();
  return ended.get(sessionId) as { name: string; payload: Record<string, unknown> };
}

describe('scanning a result paper', () => {
  let MaHoSo = '';
  let documentId = 0;
  let saved: ResultView;

  it('lands pages in an unsaved scan; a jam keeps them and Continue appends', async () => {
    MaHoSo = (await newDossier(station.core)).dossier.MaHoSo;
    const first = await ok<{ sessionId: string; documentId: number; MaThanhPhanHoSo: string }>(
      'dossier.scanResult',
      { MaHoSo, ...SCAN },
    );
    documentId = first.documentId;
    const jam = await sessionEnd(first.sessionId);
    expect(jam).toMatchObject({
      name: 'scan.failed',
      payload: { error: { code: 'SCAN_JAMMED' }, pagesKept: JAM_AT - 1 },
    });
    const [draft] = await ok<ResultScanDraft[]>('dossier.resultScans', { MaHoSo });
    expect(draft).toMatchObject({ documentId, MaHoSo });
    const before = draft?.pages.map((p) => p.pageId) ?? [];
    expect(before).toHaveLength(JAM_AT - 1);

    // Continue: the same scan, the rest of the feeder after the pages already there.
    const again = await ok<{ sessionId: string; documentId: number }>('dossier.scanResult', {
      MaHoSo,
      documentId,
      ...SCAN,
    });
    expect(again.documentId).toBe(documentId);
    expect(await sessionEnd(again.sessionId)).toMatchObject({
      name: 'scan.finished',
      payload: { pages: FEEDER_SHEETS },
    });
    const drafts = await ok<ResultScanDraft[]>('dossier.resultScans', { MaHoSo });
    expect(drafts).toHaveLength(1);
    const ids = drafts[0]?.pages.map((p) => p.pageId) ?? [];
    expect(ids).toHaveLength(JAM_AT - 1 + FEEDER_SHEETS);
    expect(ids.slice(0, before.length)).toEqual(before);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));

    // Not part of the checklist: the dossier, its readiness and its processing do not see it.
    const detail = await ok<DossierDetail>('dossier.get', { MaHoSo });
    expect(detail.components.map((c) => c.MaThanhPhanHoSo)).not.toContain(first.MaThanhPhanHoSo);
    expect(detail.components.every((c) => c.documents.every((d) => d.pages.length === 0))).toBe(
      true,
    );
  }, 180_000);

  it('saving waits for the pipeline and keeps one searchable PDF, found and reusable', async () => {
    saved = await ok<ResultView>('dossier.saveResultScan', {
      MaHoSo,
      documentId,
      TenGiayTo: 'Giấy khai sinh (bản chính)',
      MaKetQua: 'KQ-KS-01',
      SoGiayTo: '123/2026/KS',
      NgayCap: '20261126',
    });
    expect(saved).toMatchObject({
      MaHoSo,
      documentId,
      mime: 'application/pdf',
      origin: 'handback',
      SoGiayTo: '123/2026/KS',
      SoDinhDanhChuSoHuu: '079203001234',
    });
    const pages = JAM_AT - 1 + FEEDER_SHEETS;
    // every page was cleaned and read before the PDF was built
    const states = station.store.db
      .prepare(
        'SELECT pp.state AS state FROM page_processing pp JOIN pages p ON p.id = pp.page_id WHERE p.document_id = ?',
      )
      .all(documentId) as Array<{ state: string }>;
    expect(states.map((s) => s.state)).toEqual(Array(pages).fill('done'));

    const file = await ok<{ mime: string; base64: string }>('dossier.resultFile', {
      resultId: saved.id,
    });
    expect(file.mime).toBe('application/pdf');
    const pdf = await PDFDocument.load(Buffer.from(file.base64, 'base64'));
    expect(pdf.getPageCount()).toBe(pages);
    expect(pdf.getTitle()).toBe('Giấy khai sinh (bản chính)');

    const byNumber = await ok<ResultView[]>('dossier.findResults', { SoGiayTo: '123/2026/KS' });
    expect(byNumber.map((r) => r.id)).toEqual([saved.id]);
    const byOwner = await ok<ResultView[]>('dossier.findResults', { SoDinhDanh: '079203001234' });
    expect(byOwner.map((r) => r.id)).toContain(saved.id);
    expect(await ok<ResultScanDraft[]>('dossier.resultScans', { MaHoSo })).toEqual([]);
    const audit = station.store.db
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'result.add'")
      .get() as { n: number };
    expect(audit.n).toBe(1);

    // Saved once: saving again or scanning into it is refused, in both languages.
    const twice = await call('dossier.saveResultScan', {
      MaHoSo,
      documentId,
      TenGiayTo: 'Giấy khai sinh',
    });
    expect(twice.status).toBe(409);
    expect(failure(twice).messageVi).toContain('đã được lưu');
    expect(failure(twice).message).toContain('already saved');
    const into = await call('dossier.scanResult', { MaHoSo, documentId, ...SCAN });
    expect(into.status).toBe(409);

    // The next procedure of the same citizen reuses it without a new scan.
    const next = await newDossier(station.core);
    const doc = await ok<{ id: number; title: string }>('dossier.reuse', {
      MaHoSo: next.dossier.MaHoSo,
      MaThanhPhanHoSo: 'GIAY_CHUNG_SINH',
      from: { kind: 'result', resultId: saved.id },
    });
    expect(doc.title).toBe('Giấy khai sinh (bản chính)');
    // the scanner's own pages, not a rendering of the PDF: same images, no second copy
    const blobs = (id: number) => station.store.pages.list(id).map((p) => p.blobSha256);
    expect(blobs(doc.id)).toHaveLength(pages);
    expect(blobs(doc.id)).toEqual(blobs(documentId));
  }, 300_000);

  it('refuses bad requests before touching the scanner, in Vietnamese and English', async () => {
    const unknown = await call('dossier.scanResult', { MaHoSo: 'KHONG-CO', ...SCAN });
    expect(unknown.status).toBe(404);
    const other = await newDossier(station.core);
    const foreign = await call('dossier.scanResult', {
      MaHoSo: other.dossier.MaHoSo,
      documentId,
      ...SCAN,
    });
    expect(foreign.status).toBe(404);
    expect(failure(foreign).messageVi).toContain(`#${documentId}`);
    const nameless = await call('dossier.saveResultScan', { MaHoSo, documentId });
    expect(nameless.status).toBe(400);
    expect(failure(nameless).messageVi).toContain('TenGiayTo');
    const bad = await call('dossier.scanResult', { MaHoSo, documentId: -1, ...SCAN });
    expect(bad.status).toBe(400);
  });
});

describe('the text of a scanned result paper', () => {
  it('is read by OCR and found by search under its dossier', async () => {
    const { dossier } = await newDossier(station.core, { ChuHoSo: 'Trần Thị Mai' });
    const service = await station.core.use(resultScanService);
    const destination = service.destination({ MaHoSo: dossier.MaHoSo }, 'clerk.test');
    const { bytes, page } = await scannedJpeg({ kind: 'prose', seed: 11, dpi: 200 });
    // As the scanner hands a page over (the destination the scan session lands into).
    const landed = await destination.land({
      index: 1,
      mime: 'image/jpeg',
      bytes,
      width: page.image.width,
      height: page.image.height,
      dpi: 200,
      completedAt: Date.now(),
      origin: { device: 'test:0' },
    });
    const pageId = 'pageId' in landed.location ? landed.location.pageId : 0;
    await ok<ResultView>('dossier.saveResultScan', {
      MaHoSo: dossier.MaHoSo,
      documentId: destination.documentId,
      TenGiayTo: 'Quyết định',
    });
    // The longest words of the page: OCR must read most of them for the paper to be found.
    const words = [...new Set(foldVietnamese(page.truth.text).split(/[^a-z0-9]+/))]
      .filter((w) => w.length >= 5)
      .sort((a, b) => b.length - a.length)
      .slice(0, 5);
    expect(words.length).toBe(5);
    let found = 0;
    for (const word of words) {
      const hits = await ok<SearchHit[]>('dossier.search', { query: word });
      if (hits.some((h) => h.kind === 'page' && h.pageId === pageId)) found += 1;
      for (const h of hits.filter((x) => x.pageId === pageId))
        expect(h.MaHoSo).toBe(dossier.MaHoSo);
    }
    expect(found).toBeGreaterThanOrEqual(3);
  }, 180_000);
});
