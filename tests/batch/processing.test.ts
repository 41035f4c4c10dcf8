/**
 * A small job through the real page pipeline (cleanup + tesseract.js OCR on every core): pages of
 * the separated store dossiers are processed, searchable, flagged; flagged pages fill the QA queue
 * even with no sampling; the XLSX report counts the fields read and the flags.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildReport,
  createJob,
  formatProgress,
  jobPages,
  qaQueue,
  reportBytes,
  runJob,
  targetsFrom,
  type Progress,
} from '../../src-main/core/batch/index.js';
import { storeService } from '../../src-main/core/dossiers/index.js';
import { createCore, type Core } from '../../src-main/core/index.js';
import { pipelineService } from '../../src-main/core/pipeline/index.js';
import { encodePage, renderPage } from '../fixtures/render.js';
import { dossierCode, receiptSheet } from './fixture.js';
import { readXlsxReport, summaryOf } from './report-reader.js';

let root: string;
let core: Core;
let fullName: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sohoa-batch-ocr-'));
  const source = join(root, 'source');
  mkdirSync(source);
  const form = await renderPage({ kind: 'form', seed: 3, dpi: 200 });
  const skewed = await renderPage({ kind: 'prose', seed: 5, dpi: 200, skewDegrees: 8 });
  fullName = form.truth.fields?.fullName ?? '';
  writeFileSync(join(source, '001.png'), await receiptSheet(dossierCode(1)));
  writeFileSync(join(source, '002.png'), await encodePage(form.image, 'png'));
  writeFileSync(join(source, '003.png'), await receiptSheet(dossierCode(2)));
  writeFileSync(join(source, '004.png'), await encodePage(skewed.image, 'png'));
  core = createCore({
    dataDir: join(root, 'data'),
    env: {
      SOHOA_MACHINE_CONFIG: join(root, 'none.json'),
      SOHOA_AGENCY_CODE: '000.00.01.H01',
      SOHOA_PIPELINE_WORKERS: '2',
      SOHOA_BATCH_QA_SAMPLE_PERCENT: '0',
    },
  });
  const store = await core.use(storeService);
  await createJob(
    store,
    { name: 'co-ocr', source, MaTTHC: '1.001193', processing: 'ocr' },
    {
      agency: core.config.agency.code as string,
      samplePercent: core.config.batch.qaSamplePercent,
    },
  );
}, 120_000);

afterAll(async () => {
  await core.close();
  rmSync(root, { recursive: true, force: true });
});

describe('a batch job through the page pipeline', () => {
  it('processes every filed page, flags them, queues the flagged for QA and reports it', async () => {
    const store = await core.use(storeService);
    const progress: Progress[] = [];
    const status = await runJob(store, 'co-ocr', {
      pipeline: await core.use(pipelineService),
      onProgress: (p) => progress.push(p),
    });
    expect(progress.at(-1)?.processed).toEqual({ done: 4, total: 4 });
    expect(formatProgress(progress.at(-1) as Progress)).toMatch(/xử lý\/processed 4\/4$/);
    expect(status.dossiers).toBe(2);
    expect(status.processing).toEqual({ pending: 0, processing: 0, done: 4, failed: 0 });
    // The receipts were scanned at 150 dpi: under the 200 dpi minimum.
    expect(status.flags['low-dpi']).toBe(2);

    const pages = jobPages(store, 'co-ocr');
    const formPage = pages[1]?.pageId as number;
    expect(store.pages.getOcr(formPage)?.text.normalize('NFC')).toContain(
      fullName.normalize('NFC').split(' ').at(-1),
    );
    const hits = store.search.search({ query: fullName });
    expect(hits.map((h) => h.MaHoSo)).toContain(dossierCode(1));

    // No sampling: the queue is exactly the flagged pages, each with its flags as reasons.
    const queue = qaQueue(store, { name: 'co-ocr', filter: 'all' });
    const flagged = pages.filter((p) => {
      const row = store.db
        .prepare("SELECT flags FROM page_processing WHERE page_id = ? AND flags <> '[]'")
        .get(p.pageId);
      return row !== undefined;
    });
    expect(queue.map((q) => q.pageId)).toEqual(flagged.map((p) => p.pageId));
    expect(queue.every((q) => q.reasons.length > 0 && !q.reasons.includes('sample'))).toBe(true);
    expect(queue.find((q) => q.seq === 1)?.reasons).toContain('low-dpi');
    expect(queue.find((q) => q.seq === 4)?.reasons).toContain('skewed');

    const report = buildReport(store, 'co-ocr', targetsFrom(core.config.batch));
    const fields = store.db
      .prepare(
        'SELECT count(*) AS n FROM extracted_fields WHERE page_id IN (SELECT page_id FROM batch_pages)',
      )
      .get() as { n: number };
    expect(fields.n).toBeGreaterThan(0); // the form's CCCD, name, code
    const summary = summaryOf(await readXlsxReport(await reportBytes(report, 'xlsx')));
    expect(summary.get('fields')).toBe(String(fields.n));
    expect(summary.get('flag.low-dpi')).toBe('2');
    expect(summary.get('processed')).toBe('4');
    expect(summary.get('qa')).toBe(String(queue.length));
  }, 600_000);
});
