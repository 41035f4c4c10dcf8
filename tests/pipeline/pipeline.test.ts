import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackgroundServices, startHttpServer } from '../../src-main/api/index.js';
import type { RunningHttpServer } from '../../src-main/api/index.js';
import { pipelineService } from '../../src-main/core/pipeline/index.js';
import type { PipelineService } from '../../src-main/core/pipeline/index.js';
import type {
  DossierProcessing,
  PageProcessedEvent,
  PageProcessing,
} from '../../src-main/domain/index.js';
import { foldVietnamese } from '../../src-main/domain/index.js';
import type { RenderedPage } from '../fixtures/render.js';
import { callApi } from '../api/call.js';
import type { ApiAnswer } from '../api/call.js';
import { componentId, count, landPage, newDossier, openStation, scannedJpeg } from './helpers.js';
import type { Station } from './helpers.js';

const TOKEN = 'pipeline-test-token';
let station: Station;
let pipeline: PipelineService;
let server: RunningHttpServer;
const events: PageProcessedEvent[] = [];

const call = (method: string, input: unknown): Promise<ApiAnswer> =>
  callApi(server.url, TOKEN, method, input);

beforeAll(async () => {
  station = await openStation({ SOHOA_PIPELINE_MAX_ATTEMPTS: '2' });
  station.core.events.subscribe((name, payload) => {
    if (name === 'pipeline.pageProcessed') events.push(payload as PageProcessedEvent);
  });
  pipeline = await station.core.use(pipelineService);
  const rendererDir = join(station.dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>SoHoa</title>');
  server = await startHttpServer({ core: station.core, token: TOKEN, port: 0, rendererDir });
});

afterAll(async () => {
  await server.close();
  await station.remove();
});

describe('page pipeline', () => {
  let form: { pageId: number; rendered: RenderedPage; originalSha: string };
  let blankId: number;
  let lowDpiId: number;
  let dossierId: number;

  it('cleans, reads and flags every page that lands, keeping the original scan', async () => {
    const detail = await newDossier(station.core);
    dossierId = detail.dossier.id;
    const tk = componentId(detail, 'TK_KHAI_SINH');
    const gcs = componentId(detail, 'GIAY_CHUNG_SINH');
    const landed = await landPage(station.store, tk, {
      kind: 'form',
      seed: 11,
      dpi: 300,
      skewDegrees: 6.5,
    });
    form = {
      pageId: landed.page.id,
      rendered: landed.rendered,
      originalSha: landed.page.blobSha256,
    };
    blankId = (await landPage(station.store, gcs, { kind: 'blank', seed: 2, dpi: 200 })).page.id;
    // the scanner said 150 dpi: under the national minimum
    const low = await landPage(station.store, gcs, { kind: 'short', seed: 5, dpi: 200 });
    station.store.db.prepare('UPDATE pages SET dpi = 150 WHERE id = ?').run(low.page.id);
    lowDpiId = low.page.id;

    const status = await pipeline.waitForDossier(dossierId, { timeoutMs: 150_000 });
    expect(status.counts).toEqual({ pending: 0, processing: 0, done: 3, failed: 0 });

    const page = pipeline.page(form.pageId);
    expect(page.flags).toContain('skewed');
    expect(page.flags).not.toContain('blank');
    expect(page.cleanup?.skew.applied).toBe(true);
    expect(Math.abs((page.cleanup?.skew.degrees ?? 0) - 6.5)).toBeLessThan(0.6);
    expect(page.ocrConfidence).toBeGreaterThan(0.75);
    // the original scan is untouched; the processed image is its own blob
    const { page: row, bytes } = station.store.readPage(form.pageId);
    expect(row.blobSha256).toBe(form.originalSha);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(form.originalSha);
    expect(page.processed?.sha256).not.toBe(form.originalSha);
    const processed = await sharp(
      station.store.blobs.read(page.processed?.sha256 ?? ''),
    ).metadata();
    expect([processed.width, processed.height]).toEqual([
      page.processed?.width,
      page.processed?.height,
    ]);
    const thumb = await sharp(pipeline.thumbnail(form.pageId)).metadata();
    expect(thumb.format).toBe('jpeg');
    expect(Math.max(thumb.width ?? 0, thumb.height ?? 0)).toBe(256);

    // fields read off the form, with their box in the processed image and checked
    const truth = form.rendered.truth.fields;
    const cccd = page.fields.find((f) => f.kind === 'cccd');
    expect(cccd?.value).toBe(truth?.cccd);
    expect(cccd?.valid).toBe(true);
    const [x0, y0, x1, y1] = cccd?.box ?? [0, 0, 0, 0];
    expect(x1).toBeGreaterThan(x0);
    expect(y1).toBeGreaterThan(y0);
    expect(x1).toBeLessThanOrEqual(page.processed?.width ?? 0);
    expect(station.store.extractedFields(dossierId).map((f) => f.name)).toContain('cccd');

    const blank = pipeline.page(blankId);
    expect(blank.flags).toEqual(['blank']);
    expect(station.store.pages.require(blankId)).toMatchObject({ blank: true, needsReview: true });
    expect(pipeline.page(lowDpiId).flags).toContain('low-dpi');

    expect(
      events
        .filter((e) => e.state === 'done')
        .map((e) => e.pageId)
        .sort(),
    ).toEqual([form.pageId, blankId, lowDpiId].sort());
    expect(events.find((e) => e.pageId === blankId)).toMatchObject({
      MaHoSo: status.MaHoSo,
      dossierId,
      flags: ['blank'],
    });
  }, 180_000);

  it('makes the recognised text searchable, accent-insensitively', () => {
    const name = form.rendered.truth.fields?.fullName ?? '';
    const hits = station.store.search.search({ query: foldVietnamese(name.toLowerCase()) });
    expect(hits.filter((h) => h.kind === 'page').map((h) => h.pageId)).toContain(form.pageId);
    const ocr = station.store.pages.getOcr(form.pageId);
    expect(ocr?.text).toContain(form.rendered.truth.fields?.cccd ?? '-');
  });

  it('re-runs a page the clerk turned, from the original, without orientation detection', async () => {
    const before = pipeline.page(lowDpiId);
    const queued = pipeline.reprocessPage(lowDpiId, { turn: 90, ocr: false });
    expect(queued.state).toBe('pending');
    expect(station.store.pages.require(lowDpiId).rotation).toBe(90);
    const [after] = await pipeline.waitFor([lowDpiId], { timeoutMs: 60_000 });
    expect(after?.state).toBe('done');
    expect(after?.cleanup?.orientation.applied).toBe(false);
    // a quarter turn swaps the processed page's sides (give or take the crop)
    const ratio = (p: typeof before) => (p.processed?.width ?? 0) / (p.processed?.height ?? 1);
    expect(ratio(before)).toBeLessThan(1);
    expect(ratio(after ?? before)).toBeGreaterThan(1);
    expect(station.store.readPage(lowDpiId).page.blobSha256).toBe(
      station.store.pages.require(lowDpiId).blobSha256,
    );
  }, 90_000);

  it('records a failing page with its reason and stops after the bounded retries', async () => {
    const detail = await newDossier(station.core);
    const garbage = station.store.addPage({
      componentId: componentId(detail, 'TK_KHAI_SINH'),
      bytes: Buffer.from('this is not an image at all'),
      mime: 'image/jpeg',
      dpi: 300,
    });
    const [failed] = await pipeline.waitFor([garbage.id], { timeoutMs: 60_000 });
    expect(failed?.state).toBe('failed');
    expect(failed?.attempts).toBe(2);
    expect(failed?.error?.code).toBeTruthy();
    expect(failed?.error?.messageVi.length).toBeGreaterThan(5);
    const seen = events.filter((e) => e.pageId === garbage.id).map((e) => e.state);
    expect(seen).toEqual(['pending', 'failed']);
    expect(
      count(
        station.store,
        'SELECT completions AS n FROM page_processing WHERE page_id = ?',
        garbage.id,
      ),
    ).toBe(0);
  }, 90_000);

  it('takes per-page options from a bulk caller and rejects a bad profile', async () => {
    const detail = await newDossier(station.core);
    const landed = await landPage(station.store, componentId(detail, 'TK_KHAI_SINH'), {
      kind: 'prose',
      seed: 9,
      dpi: 200,
    });
    expect(() => pipeline.enqueue([landed.page.id], { profile: 'fastest' })).toThrow(/fastest/);
    pipeline.enqueue([landed.page.id], { profile: 'bulk', ocr: false });
    const [done] = await pipeline.waitFor([landed.page.id], { timeoutMs: 60_000 });
    expect(done?.state).toBe('done');
    expect(done?.ocrConfidence).toBeUndefined();
    expect(station.store.pages.getOcr(landed.page.id)).toBeUndefined();
  }, 90_000);

  it('processes pages imported through the API as they land, and reports them there', async () => {
    await startBackgroundServices(station.core);
    const detail = await newDossier(station.core);
    const files = await Promise.all(
      [41, 42].map(async (seed) => {
        const file = join(station.dataDir, `scan-${seed}.jpg`);
        writeFileSync(file, (await scannedJpeg({ kind: 'short', seed, dpi: 200 })).bytes);
        return file;
      }),
    );
    const seen = events.length;
    const started = await call('scan.import', {
      MaHoSo: detail.dossier.MaHoSo,
      MaThanhPhanHoSo: 'GIAY_CHUNG_SINH',
      files,
    });
    expect(started.status).toBe(200);
    // the import lands pages in the background; wait for both to land, then to be processed
    for (let i = 0; i < 600 && pipeline.dossier(detail.dossier.id).pages.length < 2; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    await pipeline.waitForDossier(detail.dossier.id, { timeoutMs: 90_000 });
    const status = (await call('pipeline.status', { MaHoSo: detail.dossier.MaHoSo })).body
      .result as DossierProcessing;
    expect(status.counts).toEqual({ pending: 0, processing: 0, done: 2, failed: 0 });
    expect(events.slice(seen).filter((e) => e.dossierId === detail.dossier.id)).toHaveLength(2);
    const pageId = status.pages[0]?.pageId ?? 0;
    const thumb = (await call('pipeline.thumbnail', { pageId })).body.result as { dataUrl: string };
    expect(thumb.dataUrl).toMatch(/^data:image\/jpeg;base64,\/9j\//);
    const page = (await call('pipeline.page', { pageId })).body.result as PageProcessing;
    expect(page.cleanup?.output.dpi).toBeGreaterThanOrEqual(200);

    const badTurn = await call('pipeline.reprocess', { pageId, turn: 45 });
    expect(badTurn.status).toBe(400);
    expect((badTurn.body.error as { messageVi: string }).messageVi.length).toBeGreaterThan(0);
    expect((await call('pipeline.page', { pageId: 999_999 })).status).toBe(404);
    expect((await call('pipeline.status', { MaHoSo: 'KHONG-CO' })).status).toBe(404);
    expect(pipeline.page(pageId).state).toBe('done');
  }, 120_000);
});
