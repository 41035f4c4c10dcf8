import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJob, jobPages, jobStatus, runJob } from '../../src-main/core/batch/index.js';
import type { BatchStatus } from '../../src-main/core/batch/index.js';
import { place } from '../../src-main/core/batch/separation.js';
import { createDispatcher } from '../../src-main/api/index.js';
import { createCore } from '../../src-main/core/index.js';
import { isAppError } from '../../src-main/domain/index.js';
import { openStore, openStoreDatabase } from '../../src-main/store/index.js';
import { BIN, cleanEnv, runCli } from '../cli/run-cli.js';
import { generateJob, type GeneratedJob } from './fixture.js';

let root: string;
let job: GeneratedJob;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sohoa-batch-'));
  job = await generateJob(join(root, 'source'), { leading: 2, dossiers: 6, perDossier: 10 });
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

function landed(dataDir: string): number {
  let db;
  try {
    db = openStoreDatabase(dataDir, { readonly: true });
    return (db.prepare('SELECT count(*) AS n FROM batch_pages').get() as { n: number }).n;
  } catch {
    return 0; // the first run has not created or migrated the store yet
  } finally {
    db?.close();
  }
}

/** Starts `batch run`, SIGKILLs it once at least `atLeast` pages have landed; resolves the count. */
async function killMidway(dataDir: string, name: string, atLeast: number): Promise<number> {
  const child = spawn(process.execPath, [BIN, '--data-dir', dataDir, 'batch', 'run', name], {
    env: cleanEnv({}),
    stdio: 'ignore',
  });
  const exited = new Promise<NodeJS.Signals | null>((done) =>
    child.on('exit', (_code, signal) => done(signal)),
  );
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = true));
  for (;;) {
    if (exitedEarly) throw new Error('batch run finished before it could be killed');
    try {
      if (landed(dataDir) >= atLeast) break;
    } catch {
      // the database file does not exist yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  return landed(dataDir);
}

describe('sohoa batch (QR separation, killed twice)', () => {
  it('lands every page exactly once, in order, in the right dossier; lists bad files', async () => {
    const dataDir = join(root, 'data-qr');
    const total = job.pages.length;
    const files = new Set(job.pages.map((p) => p.path)).size + job.badFiles.length;
    const created = await runCli([
      '--data-dir',
      dataDir,
      'batch',
      'create',
      '--name',
      'Xa An Binh 2025',
      '--source',
      job.dir,
      '--json',
    ]);
    expect(created.code, created.stderr).toBe(0);
    expect((JSON.parse(created.stdout) as BatchStatus).files.total).toBe(files);

    const first = await killMidway(dataDir, 'Xa An Binh 2025', 15);
    expect(first).toBeLessThan(total);
    const second = await killMidway(dataDir, 'Xa An Binh 2025', first + 15);
    expect(second).toBeGreaterThan(first);
    expect(second).toBeLessThan(total);

    const run = await runCli(['--data-dir', dataDir, 'batch', 'run', 'Xa An Binh 2025', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/trang\/phút pages\/min · còn\/ETA/);
    const status = JSON.parse(run.stdout) as BatchStatus;
    expect(status.job.state).toBe('done');
    expect(status.pages).toBe(total);
    expect(status.dossiers).toBe(6);
    expect(status.reviewPages).toBe(2);
    expect(status.repeatedCodes).toEqual([]);
    expect(status.dossierList.map((d) => [d.position, d.MaHoSo ?? null, d.pages])).toEqual([
      [0, null, 2],
      ...job.codes.map((code, i) => [i + 1, code, 10]),
    ]);
    expect(status.badFiles.map((b) => [b.path, b.code])).toEqual([
      ['page_3a.png', 'IMPORT_EMPTY_FILE'],
      ['page_7a.jpg', 'IMPORT_CORRUPT'],
      ['readme.txt', 'BATCH_WRONG_EXTENSION'],
    ]);
    expect(status.files).toEqual({ total: files, pending: 0, done: files - 3, bad: 3 });

    const store = await openStore(dataDir);
    try {
      const pages = jobPages(store, 'Xa An Binh 2025');
      expect(pages.map((p) => p.seq)).toEqual(pages.map((_, i) => i + 1));
      expect(pages.map((p) => [p.path, p.filePage, p.dossier])).toEqual(
        job.pages.map((p) => [p.path.replace(/^scans\//, ''), p.filePage, p.dossier]),
      );
      // Every landed page's bytes are in the blob store and counted as referenced.
      for (const p of pages) expect(store.blobs.read(p.blobSha256).length).toBeGreaterThan(0);
    } finally {
      store.close();
    }

    const again = await runCli(['--data-dir', dataDir, 'batch', 'status', 'Xa An Binh 2025']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Trang \/ Pages: 62/);
    expect(again.stdout).toMatch(/Tệp lỗi \/ Bad file \[IMPORT_EMPTY_FILE\]: page_3a\.png/);
  }, 150_000);
});

describe('batch jobs in process', () => {
  it('splits by a fixed page count; a second run changes nothing', async () => {
    const store = await openStore(join(root, 'data-count'));
    try {
      await createJob(store, { name: 'theo-so-trang', source: job.dir, separator: 'count:8' });
      const done = await runJob(store, 'theo-so-trang');
      expect(done.pages).toBe(62);
      expect(done.reviewPages).toBe(0);
      expect(done.dossierList.map((d) => d.pages)).toEqual([8, 8, 8, 8, 8, 8, 8, 6]);
      const rerun = await runJob(store, 'theo-so-trang');
      expect(rerun.pages).toBe(62);
      expect(jobPages(store, 'theo-so-trang')).toHaveLength(62);
    } finally {
      store.close();
    }
  }, 60_000);

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
    try {
      expect(
        await codeOf(createJob(store, { name: 'a', source: job.dir, separator: 'patch' })),
      ).toBe('VALIDATION');
      expect(
        await codeOf(createJob(store, { name: 'a', source: job.dir, separator: 'count:0' })),
      ).toBe('VALIDATION');
      expect(await codeOf(createJob(store, { name: '../x', source: job.dir }))).toBe('VALIDATION');
      expect(await codeOf(createJob(store, { name: 'a', source: join(root, 'missing') }))).toBe(
        'NOT_FOUND',
      );
      expect(await codeOf(createJob(store, { name: 'a', source: job.dir, extra: 1 }))).toBe(
        'VALIDATION',
      );
      expect(await codeOf(createJob(store, { name: 'a', source: job.dir }))).toBe('ok');
      expect(
        await codeOf(createJob(store, { name: 'a', source: job.dir, separator: 'count:5' })),
      ).toBe('CONFLICT');
      expect(jobStatus(store, 'a').job.separation).toEqual({ kind: 'qr' });
      expect(() => jobStatus(store, 'khong-co')).toThrow(/No batch job named/);
    } finally {
      store.close();
    }
  });

  it('keeps a separator sheet and the receipt with the same code in one dossier', () => {
    const qr = { kind: 'qr' } as const;
    const code = '000.00.01.H01-250101-0001';
    const bin = { dossierPosition: 0, MaHoSo: null, pagesInDossier: 3, contentPages: 3 };
    expect(place(qr, bin, { code })).toEqual({
      position: 1,
      MaHoSo: code,
      separator: true,
      blank: false,
    });
    const opened = { dossierPosition: 1, MaHoSo: code, pagesInDossier: 1, contentPages: 1 };
    expect(place(qr, opened, { code }).position).toBe(1);
    expect(place(qr, opened, { code: '000.00.01.H01-250101-0002' }).position).toBe(2);
    expect(place(qr, undefined, {}).position).toBe(0);
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
      await createJob(store, { name: 'to-trang', source: blankJob.dir, separator: 'blank' });
      const done = await runJob(store, 'to-trang');
      expect(done.dossiers).toBe(3);
      expect(done.reviewPages).toBe(1);
      expect(done.pages).toBe(blankJob.pages.length);
      expect(jobPages(store, 'to-trang').map((p) => [p.path, p.dossier])).toEqual(
        blankJob.pages.map((p) => [p.path.replace(/^scans\//, ''), p.dossier]),
      );
      expect(done.dossierList.map((d) => d.contentPages)).toEqual([1, 2, 2, 2]);
    } finally {
      store.close();
    }
  }, 60_000);
});

describe('batch API', () => {
  it("lists jobs and answers a job's status; refuses an unknown job and bad input", async () => {
    const dataDir = join(root, 'data-api');
    const store = await openStore(dataDir);
    try {
      await createJob(store, { name: 'lo-api', source: job.dir, separator: 'count:5' });
    } finally {
      store.close();
    }
    const core = createCore({
      dataDir,
      env: { ...process.env, SOHOA_MACHINE_CONFIG: join(dataDir, 'none.json') },
    });
    try {
      const dispatch = createDispatcher(core, 'cli');
      const jobs = (await dispatch('batch.list', {})) as Array<{ name: string }>;
      expect(jobs.map((j) => j.name)).toEqual(['lo-api']);
      const status = (await dispatch('batch.status', { name: 'lo-api' })) as BatchStatus;
      expect(status.job.separation).toEqual({ kind: 'count', pages: 5 });
      // the empty and the cut-off file are only found bad when read
      expect(status.files.pending).toBe(new Set(job.pages.map((p) => p.path)).size + 2);
      expect(status.badFiles.map((b) => b.code)).toEqual(['BATCH_WRONG_EXTENSION']);
      await expect(dispatch('batch.status', { name: 'khong-co' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(dispatch('batch.status', { name: 'lo-api', x: 1 })).rejects.toMatchObject({
        code: 'VALIDATION',
      });
    } finally {
      await core.close();
    }
  });
});
