/**
 * `batch.output` through the API dispatcher (the batch screen's path): input validated with a
 * Vietnamese and English answer, signing refused on a station without a certificate, and dossiers
 * whose pages are not processed yet held back with the reason, nothing queued.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/api/index.js';
import { createJob, runJob } from '../../src-main/core/batch/index.js';
import { storeService } from '../../src-main/core/dossiers/index.js';
import { createCore, type Core } from '../../src-main/core/index.js';
import { isAppError, type BatchOutputResult } from '../../src-main/domain/index.js';
import { generateJob } from './fixture.js';

let root: string;
let core: Core;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sohoa-batch-output-api-'));
  const source = await generateJob(join(root, 'source'), {
    leading: 0,
    dossiers: 2,
    perDossier: 2,
    size: 'small',
  });
  core = createCore({
    dataDir: join(root, 'data'),
    env: { SOHOA_MACHINE_CONFIG: join(root, 'none.json') },
  });
  const store = await core.use(storeService);
  await createJob(
    store,
    { name: 'lo-xuat', source: source.dir, MaTTHC: '1.001193', samplePercent: 0 },
    { samplePercent: 0, agency: '000.00.01.H01' },
  );
  await runJob(store, 'lo-xuat'); // landed only: the pipeline has not processed the pages
}, 120_000);

afterAll(async () => {
  await core.close();
  rmSync(root, { recursive: true, force: true });
});

async function refusal(call: () => Promise<unknown>) {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe('batch.output over the API', () => {
  it('validates, refuses signing without a certificate, holds unprocessed dossiers', async () => {
    const call = createDispatcher(core, 'cli');
    const bad = await refusal(() =>
      call('batch.output', { name: 'lo-xuat', target: 'packages', qa: 'accepted' }),
    );
    expect(bad.code).toBe('VALIDATION');
    expect(bad.messageVi).toMatch(/Yêu cầu xuất lô/);
    expect(bad.message).toMatch(/job output request/);
    const extra = await refusal(() =>
      call('batch.output', { name: 'lo-xuat', target: 'queue', x: 1 }),
    );
    expect(extra.code).toBe('VALIDATION');

    const unsigned = await refusal(() =>
      call('batch.output', { name: 'lo-xuat', target: 'queue', secret: '123456' }),
    );
    expect(unsigned.code).toBe('SIGNING_NOT_CONFIGURED');
    expect(unsigned.messageVi).toMatch(/chứng thư số/);

    const result = (await call('batch.output', {
      name: 'lo-xuat',
      target: 'queue',
    })) as BatchOutputResult;
    expect(result).toMatchObject({ target: 'queue', delivered: 0, kept: 0, held: 2 });
    for (const d of result.dossiers) {
      expect(d.outcome).toBe('held');
      expect(d.holds.map((h) => h.code)).toEqual(['PAGES_NOT_PROCESSED']);
      expect(d.holds[0]?.pageIds).toHaveLength(2);
      expect(d.holds[0]?.vi).toMatch(/chưa xử lý xong/);
    }
    const store = await core.use(storeService);
    for (const d of result.dossiers)
      expect(store.dossiers.requireByCode(d.MaHoSo).syncState).toBe('local');
    expect(result.summary).toEqual({
      dossiers: 0,
      pdfs: 0,
      signedPdfs: 0,
      queued: 0,
      synced: 0,
      packaged: 0,
    });
  }, 120_000);
});
