/**
 * Acceptance: writers killed with SIGKILL at random moments lose nothing they reported as
 * committed, and leave no damage: integrity_check ok, no dangling reference, no half-written or
 * corrupt blob, doctor green. Three writers run side by side on one store (the CLI next to the
 * app is a real case) and each is killed at a random moment after it started writing.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../../src-main/domain/index.js';
import { BLOB_DIR, BlobStore, openStore, storeDoctorChecks } from '../../src-main/store/index.js';
import { tempDir } from './helpers.js';

import { compileChild } from './fixtures/compile.js';
import type { Compiled } from './fixtures/compile.js';

const writerTs = fileURLToPath(new URL('./fixtures/crash-writer.ts', import.meta.url));
let writer: Compiled;
const KILLS = 51;
const PARALLEL = 3;

/** Runs one writer until a random moment after READY, kills it, returns what it reported committed. */
function killOnce(dataDir: string, seed: number): Promise<Map<number, string>> {
  return new Promise((resolve, reject) => {
    const committed = new Map<number, string>();
    const child = spawn(process.execPath, [writer.entry, dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: writer.env,
    });
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line === 'READY' && !timer) {
          // 0–600 ms of writing: kills land in blob writes, transactions, fsyncs and checkpoints.
          timer = setTimeout(() => child.kill('SIGKILL'), (seed * 7919) % 600);
        } else if (line.startsWith('P ')) {
          const [, id, sha] = line.split(' ');
          committed.set(Number(id), sha as string);
        }
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(committed);
      else reject(new Error(`writer exited by itself (${_code}): ${stderr}`));
    });
  });
}

describe('crash safety', () => {
  beforeAll(async () => {
    writer = await compileChild(writerTs);
  });
  afterAll(() => writer.remove());

  it(`survives ${KILLS} SIGKILLs of writers with every committed page intact`, async () => {
    const { dir, remove } = tempDir('sohoa-crash-');
    try {
      const committed = new Map<number, string>();
      let started = 0;
      const lane = async (): Promise<void> => {
        while (started < KILLS) {
          const seed = ++started;
          for (const [id, sha] of await killOnce(dir, seed)) committed.set(id, sha);
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, lane));
      expect(started).toBeGreaterThanOrEqual(50);
      expect(committed.size).toBeGreaterThan(50);

      const store = await openStore(dir);
      try {
        expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(store.db.pragma('foreign_key_check')).toEqual([]);
        // every page reported committed is there, with its bytes
        const page = store.db.prepare('SELECT blob_sha256 FROM pages WHERE id = ?');
        for (const [id, sha] of committed) {
          expect(page.get(id)).toEqual({ blob_sha256: sha });
          expect(store.blobs.verify(sha)).toBe('ok');
        }
        // every blob row has a complete file; every file under a final name hashes to its name
        for (const { sha256 } of store.db.prepare('SELECT sha256 FROM blobs').all() as Array<{
          sha256: string;
        }>) {
          expect(store.blobs.verify(sha256)).toBe('ok');
        }
        for (const f of store.blobs.list())
          expect(BlobStore.hash(store.blobs.read(f.sha256))).toBe(f.sha256);
        // temp files of the killed writers were cleared on open
        expect(readdirSync(join(dir, BLOB_DIR, 'tmp'))).toEqual([]);
        const report = await runDoctor(storeDoctorChecks(store));
        expect(report.checks.map((c) => [c.id, c.status])).toEqual([
          ['store.integrity', 'ok'],
          ['store.references', 'ok'],
          ['store.blobs', 'ok'],
          ['store.audit', 'ok'],
        ]);
        expect(
          store.search.search({ query: 'dang ky khai sinh', limit: 5 }).length,
        ).toBeGreaterThan(0);
      } finally {
        store.close();
      }
    } finally {
      remove();
    }
  }, 180_000);
});
