import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipelineService } from '../../src-main/core/pipeline/index.js';
import type { PageProcessedEvent } from '../../src-main/domain/index.js';
import { componentId, count, landPage, newDossier, openStation } from './helpers.js';
import type { Station } from './helpers.js';

const CHILD = new URL('./kill-child.ts', import.meta.url).pathname;
const PAGES = 6;

let station: Station;
let dataDir: string;
const pageIds: number[] = [];

/** Starts the pipeline in a child and resolves with it once it has finished its first page. */
function runUntilFirstPage(): Promise<{ child: ChildProcess; first: PageProcessedEvent }> {
  const child = fork(CHILD, [dataDir], { execArgv: ['--import', 'tsx'], stdio: 'pipe' });
  return new Promise((resolve, reject) => {
    child.on('message', (message) => {
      const event = message as PageProcessedEvent;
      if (event.state === 'done') resolve({ child, first: event });
    });
    child.on('exit', (code) => reject(new Error(`pipeline child exited early (${code})`)));
  });
}

beforeAll(async () => {
  // pages land while no pipeline runs (as when the app is closed and a CLI import stores them)
  station = await openStation();
  dataDir = station.dataDir;
  const detail = await newDossier(station.core);
  const tk = componentId(detail, 'TK_KHAI_SINH');
  for (let i = 0; i < PAGES; i++) {
    pageIds.push(
      (await landPage(station.store, tk, { kind: 'short', seed: 30 + i, dpi: 200 })).page.id,
    );
  }
  // cleanup only, as a bulk job asks (pipeline.enqueue(..., { ocr: false })), to keep this test fast
  station.store.db.prepare('UPDATE page_processing SET ocr = 0').run();
  await station.core.close();
});

afterAll(async () => {
  await station.remove();
});

describe('pipeline across a SIGKILL', () => {
  it('re-queues the pages a killed process was processing; each page ends processed exactly once', async () => {
    const { child, first } = await runUntilFirstPage();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    station = await openStation({}, dataDir);
    const left = station.store.db
      .prepare("SELECT page_id, claimed_by FROM page_processing WHERE state = 'processing'")
      .all() as Array<{ page_id: number; claimed_by: string }>;
    // the kill landed mid-page: pages were claimed by the dead process and not finished
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((r) => r.claimed_by.startsWith(`${child.pid}:`))).toBe(true);
    expect(
      count(
        station.store,
        'SELECT completions AS n FROM page_processing WHERE page_id = ?',
        left[0]?.page_id,
      ),
    ).toBe(0);

    const pipeline = await station.core.use(pipelineService);
    const records = await pipeline.waitFor(pageIds, { timeoutMs: 120_000 });
    expect(records.map((r) => r.state)).toEqual(pageIds.map(() => 'done'));
    expect(pageIds).toContain(first.pageId);
    for (const id of pageIds) {
      expect(
        count(station.store, 'SELECT completions AS n FROM page_processing WHERE page_id = ?', id),
      ).toBe(1);
    }
    // nothing half-written: every stored blob is referenced and present
    const blobs = station.store.db.prepare('SELECT sha256, refcount FROM blobs').all() as Array<{
      sha256: string;
      refcount: number;
    }>;
    expect(blobs.every((b) => b.refcount > 0)).toBe(true);
    for (const r of records) {
      expect(station.store.blobs.read(r.processed?.sha256 ?? '').length).toBeGreaterThan(0);
    }
  }, 180_000);
});
