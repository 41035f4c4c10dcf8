/**
 * A hot folder job: files dropped while the job runs are landed once they are complete (size
 * stable), in arrival order, never twice — also across a stop and a second run.
 */
import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJob, jobPages, jobStatus, runJob } from '../../src-main/core/batch/index.js';
import { openStore } from '../../src-main/store/index.js';
import { generateJob, type GeneratedJob } from './fixture.js';

let root: string;
let source: GeneratedJob;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sohoa-batch-hot-'));
  source = await generateJob(join(root, 'source'), {
    leading: 1,
    dossiers: 2,
    perDossier: 2,
    size: 'small',
  });
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('batch hot folder', () => {
  it('takes each complete file once, in arrival order, until stopped', async () => {
    const hot = join(root, 'hot');
    mkdirSync(hot);
    const pngs = readdirSync(source.dir)
      .filter((f) => /^page_\d+\.png$/.test(f))
      .sort((a, b) => Number(a.slice(5, -4)) - Number(b.slice(5, -4)));
    const [first, second, third, ...rest] = pngs;
    // Already there before the job starts.
    copyFileSync(join(source.dir, first as string), join(hot, 'a-001.png'));

    const store = await openStore(join(root, 'data'));
    try {
      await createJob(
        store,
        { name: 'thu-muc-nong', source: hot, sourceKind: 'hotfolder', MaTTHC: '1.001193' },
        { samplePercent: 5, agency: '000.00.01.H01' },
      );
      const stop = new AbortController();
      const running = runJob(store, 'thu-muc-nong', {
        signal: stop.signal,
        hotFolder: { pollMs: 100, settleMs: 400 },
      });
      // A copy in progress: half the bytes now, the rest later; it must land whole, once.
      const bytes = readFileSync(join(source.dir, second as string));
      writeFileSync(join(hot, 'b-002.png'), bytes.subarray(0, bytes.length >> 1));
      writeFileSync(join(hot, 'c-003.png.part'), 'not yet');
      await sleep(250);
      appendFileSync(join(hot, 'b-002.png'), bytes.subarray(bytes.length >> 1));
      await sleep(1200);
      copyFileSync(join(source.dir, third as string), join(hot, 'c-003.png'));
      rmSync(join(hot, 'c-003.png.part'));
      writeFileSync(join(hot, 'ghi-chu.txt'), 'notes');
      await waitFor(() => jobStatus(store, 'thu-muc-nong').files.total === 4);
      stop.abort();
      const stopped = await running;
      expect(stopped.pages).toBe(3);
      expect(stopped.badFiles.map((b) => [b.path, b.code])).toEqual([
        ['ghi-chu.txt', 'BATCH_WRONG_EXTENSION'],
      ]);

      // Later files, and a second run that sees the old ones again but takes only the new.
      for (const [i, f] of rest.entries())
        copyFileSync(join(source.dir, f), join(hot, `d-${String(i).padStart(3, '0')}.png`));
      const second_ = await runJob(store, 'thu-muc-nong', {
        hotFolder: { pollMs: 100, settleMs: 200, idleStopMs: 800 },
      });
      expect(second_.pages).toBe(3 + rest.length);
      const landed = jobPages(store, 'thu-muc-nong').map((p) => p.path);
      expect(landed).toEqual([
        'a-001.png',
        'b-002.png',
        'c-003.png',
        ...rest.map((_, i) => `d-${String(i).padStart(3, '0')}.png`),
      ]);
      // The page landed from the copy in progress is the whole file.
      const b = jobPages(store, 'thu-muc-nong')[1];
      expect(store.blobs.read(b?.blobSha256 as string).equals(bytes)).toBe(true);
    } finally {
      store.close();
    }
  }, 60_000);
});

async function waitFor(test: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > until) throw new Error('timed out');
    await sleep(50);
  }
}
