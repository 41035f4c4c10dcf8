/**
 * Retention on a real store (SQLite + blob files in a temp dir): dossiers the province
 * acknowledged long ago are purged by `sohoa retention` (the real command, in a child process)
 * down to their summary, their files removed; recent and unsynced dossiers stay whole; the dry
 * run changes nothing.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/index.js';
import { storeService } from '../../src-main/core/dossiers/index.js';
import { retentionService } from '../../src-main/core/retention/index.js';
import type { RetentionReport } from '../../src-main/domain/index.js';
import type { Store } from '../../src-main/store/index.js';
import { runCli } from '../cli/run-cli.js';
import { plant, type Planted } from './retention-fixtures.js';

const TABLES = [
  'dossiers',
  'components',
  'documents',
  'pages',
  'page_ocr',
  'results',
  'blobs',
  'search_fts',
  'sync_outbox',
  'audit_log',
  'retention_purges',
];

let dir: string;
let dataDir: string;
let env: Record<string, string>;
let core: Core | undefined;

const planted: Record<'old' | 'recent' | 'unsynced', Planted> = {} as never;

async function open(): Promise<{ core: Core; store: Store }> {
  core = createCore({ dataDir, env });
  return { core, store: await core.use(storeService) };
}

async function closeCore(): Promise<void> {
  await core?.close();
  core = undefined;
}

function counts(store: Store): Record<string, number> {
  return Object.fromEntries(
    TABLES.map((t) => [
      t,
      (store.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
    ]),
  );
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sohoa-retention-'));
  dataDir = join(dir, 'data');
  // The store is encrypted at rest: this process and the CLI share one test keychain.
  process.env.SOHOA_KEY_DIR = join(dir, 'keys');
  env = {
    SOHOA_KEY_DIR: join(dir, 'keys'),
    SOHOA_MACHINE_CONFIG: join(dir, 'machine.json'),
    SOHOA_AGENCY_CODE: '000.00.06.H56',
    SOHOA_SECURITY_RETENTION_DAYS: '30',
  };
  const { core: c, store } = await open();
  planted.old = await plant(c, store, 'Nguyễn Văn Cũ', 45);
  planted.recent = await plant(c, store, 'Trần Thị Mới', 5);
  planted.unsynced = await plant(c, store, 'Lê Chưa Gửi', null);
  await closeCore();
});

afterAll(async () => {
  await closeCore();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (args: string[]) => runCli(['--data-dir', dataDir, 'retention', ...args], env);

// Each CLI run starts through tsx: slow on a busy 2-core machine.
describe('retention', { timeout: 240_000 }, () => {
  it('previews without changing anything (sohoa retention --dry-run)', async () => {
    const { store } = await open();
    const before = counts(store);
    await closeCore();

    const run = await cli(['--dry-run', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as RetentionReport;
    expect(report).toMatchObject({ dryRun: true, afterDays: 30, removedBlobs: 0 });
    expect(report.dossiers.map((d) => d.MaHoSo)).toEqual([planted.old.MaHoSo]);
    expect(report.dossiers[0]).toMatchObject({ documents: 1, pages: 2, results: 1 });
    expect(report.dossiers[0]?.components).toBeGreaterThan(0);
    expect(report.dossiers[0]?.blobHashes).toHaveLength(4);

    const again = await open();
    expect(counts(again.store)).toEqual(before);
    for (const sha of planted.old.blobs) expect(existsSync(again.store.blobs.path(sha))).toBe(true);
    await closeCore();
  });

  it('previews another rule through the service for the settings screen', async () => {
    const { core: c } = await open();
    const wider = await c.use(retentionService).run({ dryRun: true, actor: 'test', afterDays: 1 });
    expect(wider.dossiers.map((d) => d.MaHoSo).sort()).toEqual(
      [planted.old.MaHoSo, planted.recent.MaHoSo].sort(),
    );
    await closeCore();
  });

  it('purges the old acknowledged dossier to its summary and removes its files', async () => {
    const run = await cli(['--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as RetentionReport;
    expect(report.dryRun).toBe(false);
    expect(report.dossiers.map((d) => d.MaHoSo)).toEqual([planted.old.MaHoSo]);
    expect(report.removedBlobs).toBe(3);

    const { store } = await open();
    // The dossier, its structure, text, results, search entries and sent payload are gone.
    expect(store.dossiers.get(planted.old.id)).toBeUndefined();
    const leftovers = (sql: string) =>
      (store.db.prepare(sql).get(planted.old.id) as { n: number }).n;
    expect(leftovers('SELECT count(*) AS n FROM components WHERE dossier_id = ?')).toBe(0);
    expect(leftovers('SELECT count(*) AS n FROM results WHERE dossier_id = ?')).toBe(0);
    expect(leftovers('SELECT count(*) AS n FROM sync_outbox WHERE dossier_id = ?')).toBe(0);
    expect(leftovers('SELECT count(*) AS n FROM search_fts WHERE dossier_id = ?')).toBe(0);
    expect(store.search.search({ query: 'nguyen van cu' })).toEqual([]);
    // Its own files are gone; the page it shared with a kept dossier stays.
    for (const sha of planted.old.blobs) expect(existsSync(store.blobs.path(sha))).toBe(false);
    const shared = store.db
      .prepare(
        'SELECT blob_sha256 AS sha FROM pages WHERE document_id IN (SELECT d.id FROM documents d JOIN components c ON c.id = d.component_id WHERE c.dossier_id = ?)',
      )
      .all(planted.recent.id) as Array<{ sha: string }>;
    for (const { sha } of shared) expect(existsSync(store.blobs.path(sha))).toBe(true);

    // What the audit needs is kept: code, dates, counts, hashes; and the purge is in the chain.
    expect(store.retention.purged()).toEqual([
      expect.objectContaining({
        MaHoSo: planted.old.MaHoSo,
        MaTTHC: '1.001193',
        pages: 2,
        documents: 1,
        results: 1,
        blobHashes: expect.arrayContaining(planted.old.blobs),
      }),
    ]);
    const purge = store.db
      .prepare("SELECT actor, MaHoSo, details FROM audit_log WHERE action = 'retention.purge'")
      .all() as Array<{ actor: string; MaHoSo: string; details: string }>;
    expect(purge).toHaveLength(1);
    expect(purge[0]).toMatchObject({
      actor: `cli:${userInfo().username}`,
      MaHoSo: planted.old.MaHoSo,
    });
    expect(purge[0]?.details).not.toContain('Nguyễn Văn Cũ');
    expect(store.audit.forDossier(planted.old.id).map((r) => r.action)).toContain('dossier.create');
    expect(store.audit.verify().ok).toBe(true);

    // Recent and unsynced dossiers are whole, files and text included.
    for (const kept of [planted.recent, planted.unsynced]) {
      expect(store.dossiers.get(kept.id)?.ChuHoSo).toBe(kept.owner);
      for (const sha of kept.blobs) expect(existsSync(store.blobs.path(sha))).toBe(true);
    }
    expect(store.search.search({ query: 'tran thi moi' }).map((h) => h.dossierId)).toContain(
      planted.recent.id,
    );
    await closeCore();
  });

  it('finds nothing more to do on a second run, and refuses to run without a rule', async () => {
    const second = await cli(['--json']);
    expect(second.code, second.stderr).toBe(0);
    expect((JSON.parse(second.stdout) as RetentionReport).dossiers).toEqual([]);

    const noRule = await runCli(['--data-dir', dataDir, 'retention', '--dry-run'], {
      ...env,
      SOHOA_SECURITY_RETENTION_DAYS: '0',
    });
    expect(noRule.code).not.toBe(0);
    expect(noRule.stderr).toContain('Chưa đặt thời hạn lưu giữ');
    expect(noRule.stderr).toContain('No retention period is set');

    const bad = await cli(['--days', 'soon']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('days');
  });
});
