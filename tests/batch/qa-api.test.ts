/**
 * The batch screen's API over a landed job: jobs, status, the QA queue (sampled pages), accept /
 * reject with the rescan list, and the report download read back as XLSX.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/api/index.js';
import type { BatchQaItem, BatchStatus, RescanItem } from '../../src-main/domain/index.js';
import { createJob, exportJob, runJob } from '../../src-main/core/batch/index.js';
import { createCore } from '../../src-main/core/index.js';
import { openStore } from '../../src-main/store/index.js';
import { generateJob } from './fixture.js';
import { readXlsxReport, summaryOf } from './report-reader.js';

let root: string;
let dataDir: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sohoa-batch-api-'));
  dataDir = join(root, 'data');
  const source = await generateJob(join(root, 'source'), {
    leading: 0,
    dossiers: 2,
    perDossier: 3,
    size: 'small',
  });
  const store = await openStore(dataDir);
  try {
    const defaults = { samplePercent: 5, agency: '000.00.01.H01' };
    const spec = { source: source.dir, MaTTHC: '1.001193', separator: 'count:4' };
    // every page sampled, to have a queue to clear
    await createJob(store, { ...spec, name: 'lo-api', samplePercent: 100 }, defaults);
    await runJob(store, 'lo-api');
    await createJob(store, { ...spec, name: 'khong-mau', samplePercent: 0 }, defaults);
    await runJob(store, 'khong-mau');
  } finally {
    store.close();
  }
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('batch API', () => {
  it('lists jobs, answers status, serves and clears the QA queue, downloads the report', async () => {
    const core = createCore({
      dataDir,
      env: { ...process.env, SOHOA_MACHINE_CONFIG: join(dataDir, 'none.json') },
    });
    try {
      const call = createDispatcher(core, 'cli');
      const jobs = (await call('batch.list', {})) as Array<{ name: string }>;
      expect(jobs.map((j) => j.name)).toEqual(['khong-mau', 'lo-api']);
      const status = (await call('batch.status', { name: 'lo-api' })) as BatchStatus;
      expect(status.job.separation).toEqual({ kind: 'count', pages: 4 });
      expect(status.pages).toBe(8);
      expect(status.qa).toEqual({ total: 8, open: 8, accepted: 0, rejected: 0 });
      const none = (await call('batch.status', { name: 'khong-mau' })) as BatchStatus;
      expect(none.qa.total).toBe(0);

      const queue = (await call('batch.qaQueue', { name: 'lo-api' })) as BatchQaItem[];
      expect(queue.map((q) => q.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(queue.every((q) => q.reasons.includes('sample'))).toBe(true);
      const [a, b] = queue;
      const rejected = (await call('batch.qaDecide', {
        name: 'lo-api',
        pageId: a?.pageId,
        decision: 'rejected',
        reviewer: 'Trần Thị Bích',
        note: 'mờ, quét lại',
      })) as BatchQaItem;
      expect(rejected.decision).toMatchObject({ decision: 'rejected', note: 'mờ, quét lại' });
      await call('batch.qaDecide', {
        name: 'lo-api',
        pageId: b?.pageId,
        decision: 'accepted',
        reviewer: 'Trần Thị Bích',
      });
      const open = (await call('batch.qaQueue', { name: 'lo-api' })) as BatchQaItem[];
      expect(open.map((q) => q.seq)).toEqual([3, 4, 5, 6, 7, 8]);
      const rescan = (await call('batch.rescanList', { name: 'lo-api' })) as RescanItem[];
      expect(rescan.map((r) => [r.pageId, r.path, r.filePage, r.component])).toEqual([
        [a?.pageId, 'page_1.png', 1, 1],
      ]);

      // The rejected page is marked for review in its dossier; the store kept every page.
      const store = await openStore(dataDir);
      try {
        expect(store.pages.require(a?.pageId as number).needsReview).toBe(true);
        expect(store.pages.require(b?.pageId as number).needsReview).toBe(false);
      } finally {
        store.close();
      }

      const file = (await call('batch.report', { name: 'lo-api' })) as {
        fileName: string;
        base64: string;
      };
      expect(file.fileName).toBe('bao-cao-lo-api.xlsx');
      const tables = await readXlsxReport(Buffer.from(file.base64, 'base64'));
      const summary = summaryOf(tables);
      expect(summary.get('pages')).toBe('8');
      expect(summary.get('qaRejected')).toBe('1');
      expect(summary.get('qaAccepted')).toBe('1');
      expect(tables.get('Quét lại - Rescan')?.slice(1)).toEqual([
        [
          rescan[0]?.MaHoSo,
          '1',
          'page_1.png',
          '1',
          'Trần Thị Bích',
          'mờ, quét lại',
          rescan[0]?.decidedAt,
        ],
      ]);

      await expect(call('batch.status', { name: 'khong-co' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(call('batch.status', { name: 'lo-api', x: 1 })).rejects.toMatchObject({
        code: 'VALIDATION',
      });
      // a page of the other job (not sampled) is not in this queue
      await expect(
        call('batch.qaDecide', {
          name: 'khong-mau',
          pageId: a?.pageId,
          decision: 'accepted',
          reviewer: 'X',
        }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(
        call('batch.qaDecide', {
          name: 'lo-api',
          pageId: a?.pageId,
          decision: 'maybe',
          reviewer: 'X',
        }),
      ).rejects.toMatchObject({ code: 'VALIDATION' });
      await expect(call('batch.report', { name: 'lo-api', format: 'pdf' })).rejects.toMatchObject({
        code: 'VALIDATION',
      });
    } finally {
      await core.close();
    }
  }, 60_000);

  it('exports each dossier as a folder with its contract-shaped dossier.json; a rerun keeps them', async () => {
    const store = await openStore(dataDir);
    try {
      const out = join(root, 'export');
      const first = exportJob(store, 'lo-api', out);
      expect(first.exported).toHaveLength(2);
      const body = JSON.parse(
        readFileSync(join(out, first.exported[0] as string, 'dossier.json'), 'utf8'),
      ) as { MaHoSo: string; MaTTHC: string; ChuHoSo: string; ThanhPhanHoSo: unknown[] };
      expect(body).toMatchObject({ MaHoSo: first.exported[0], MaTTHC: '1.001193' });
      expect(readdirSync(join(out, first.exported[0] as string, 'pages'))).toHaveLength(4);
      const again = exportJob(store, 'lo-api', out);
      expect(again).toMatchObject({ exported: [], kept: first.exported });
    } finally {
      store.close();
    }
  });
});
