/**
 * A scanner job with the real libsane `test` device: each ADF run (10 sheets) lands in the job's
 * spool and then in store dossiers, in feed order; runs append; nothing lands twice.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJob, jobPages, runJob, scanIntoJob } from '../../src-main/core/batch/index.js';
import { configSchema } from '../../src-main/platform/index.js';
import { ScanService } from '../../src-main/scan/index.js';
import { openStore, type Store } from '../../src-main/store/index.js';
import { tempDir, useSaneTestDevice } from '../scan/sane-test-device.js';

useSaneTestDevice();
const dataDir = tempDir('batch-scan');
let store: Store;
let scanner: ScanService;

beforeAll(async () => {
  store = await openStore(dataDir);
  scanner = new ScanService(dataDir, () => configSchema.parse({}).scanner);
});

afterAll(async () => {
  await scanner.close();
  store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('batch scanner source', () => {
  it('lands each ADF run of the SANE test device in feed order, runs appended', async () => {
    const defaults = { samplePercent: 5, agency: '000.00.01.H01' };
    await createJob(
      store,
      {
        name: 'may-quet',
        source: 'test:0',
        sourceKind: 'scanner',
        separator: 'count:5',
        MaTTHC: '1.001193',
      },
      defaults,
    );
    const request = { dpi: 50, pageSize: 'max' } as const;
    const first = await scanIntoJob(store, 'may-quet', scanner, { request });
    expect(first).toMatchObject({ scanned: 10, feederEmpty: true, pages: 10, dossiers: 2 });
    const second = await scanIntoJob(store, 'may-quet', scanner, { request });
    expect(second).toMatchObject({ scanned: 10, pages: 20, dossiers: 4 });
    expect(second.files).toEqual({ total: 20, pending: 0, done: 20, bad: 0 });

    const paths = jobPages(store, 'may-quet').map((p) => p.path);
    const expected = ['run-0001', 'run-0002'].flatMap((run) =>
      Array.from({ length: 10 }, (_, i) => `${run}/page-${String(i + 1).padStart(4, '0')}.png`),
    );
    expect(paths).toEqual(expected);
    const spool = join(dataDir, 'batch', `job-${second.job.id}`);
    expect(readdirSync(spool).sort()).toEqual(['run-0001', 'run-0002']);

    // Running the job again lands nothing new; a folder job cannot scan.
    expect((await runJob(store, 'may-quet')).pages).toBe(20);
    await createJob(
      store,
      { name: 'thu-muc', source: spool, MaTTHC: '1.001193', separator: 'count:5' },
      defaults,
    );
    await expect(scanIntoJob(store, 'thu-muc', scanner, { request })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  }, 180_000);
});
