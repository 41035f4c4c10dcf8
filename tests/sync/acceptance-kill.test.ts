/**
 * Acceptance (issue 8): 200 dossiers × 3 PDFs through the reference gateway with
 * --fail-rate 0.3 --reset-rate 0.1, while the `sohoa sync --once` process is SIGKILLed at random
 * moments at least 10 times and restarted. The client process runs the same station wiring as
 * `sohoa sync --once` (openStationSync); the CLI itself is exercised in cli.test.ts. The gateway must end with exactly 200 dossiers, one
 * revision each, every file's sha256 matching the local copy, and the outbox empty.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store/index.js';
import { OutboxStore, startGateway } from '../../src-main/sync/index.js';
import type { OutboxEntryInput, RunningGateway } from '../../src-main/sync/index.js';
import { AGENCY, CREDENTIALS, entry, tempDir } from './fixtures.js';

const DOSSIERS = 200;
const MIN_KILLS = 10;
const CHILD = join(import.meta.dirname, 'sync-child.ts');

let gateway: RunningGateway | undefined;
afterAll(async () => gateway?.close());

interface Run {
  code: number | null;
  killed: boolean;
}

/** Runs the sync client once; when `killAfterMs` is set, SIGKILLs it that long after its first item step. */
function runSync(dataDir: string, killAfterMs: number | undefined): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], {
      env: {
        ...process.env,
        SOHOA_GATEWAY_SECRET: CREDENTIALS[0]?.client_secret,
        SOHOA_MACHINE_CONFIG: join(dataDir, 'none.json'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      if (killAfterMs === undefined || timer) return;
      timer = setTimeout(() => {
        killed = child.kill('SIGKILL');
      }, killAfterMs);
    };
    // Armed at the first item step, so the kill lands while dossiers are moving.
    child.stdout.once('data', arm);
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, killed });
    });
  });
}

describe('sync under faults and SIGKILL', () => {
  it(`delivers ${DOSSIERS} dossiers × 3 PDFs exactly once despite --fail-rate 0.3 --reset-rate 0.1 and ≥${MIN_KILLS} kills`, async () => {
    const dir = tempDir('acceptance');
    gateway = await startGateway({
      dataDir: join(dir, 'gateway'),
      credentials: CREDENTIALS,
      // Retry-After 0 keeps the run short; honouring a real Retry-After is tested on its own.
      faults: { failRate: 0.3, resetRate: 0.1, latencyMs: 0, retryAfterSeconds: 0 },
    });
    const station = join(dir, 'station');
    const store = await openStore(station);
    writeFileSync(
      join(station, 'config.json'),
      JSON.stringify({
        gateway: { baseUrl: gateway.url, clientId: CREDENTIALS[0]?.client_id, timeoutMs: 5000 },
        agency: { code: AGENCY },
        sync: {
          maxConcurrentUploads: 4,
          chunkSizeKb: 16,
          retryBaseMs: 20,
          retryMaxMs: 400,
          codeBlockSize: 5,
          statusPullMinutes: 600,
          catalogRefreshMinutes: 600,
        },
      }),
    );
    const outbox = new OutboxStore(store.db, Date.now);
    const entries: OutboxEntryInput[] = [];
    for (let n = 1; n <= DOSSIERS; n += 1) {
      const e = entry(join(dir, 'files'), n, { fileSize: 6_000 + n * 13 });
      entries.push(e);
      outbox.enqueue(e);
    }
    store.close();

    let kills = 0;
    let finished = false;
    for (let run = 0; run < 60 && !finished; run += 1) {
      const killAfter = kills < MIN_KILLS + 2 ? 50 + Math.floor(Math.random() * 1200) : undefined;
      const result = await runSync(station, killAfter);
      if (result.killed) kills += 1;
      else finished = result.code === 0;
    }
    expect(kills).toBeGreaterThanOrEqual(MIN_KILLS);
    expect(finished).toBe(true);

    const summary = gateway.repo.summary();
    expect(summary.dossiers).toBe(DOSSIERS);
    expect(summary.revisions).toBe(DOSSIERS);
    expect(summary.maxRevision).toBe(1);

    const byOwner = new Map(entries.map((e) => [e.dossier.ChuHoSo, e]));
    for (const code of gateway.repo.dossierCodes()) {
      const remote = gateway.repo.dossier(code);
      const local = byOwner.get(remote?.ChuHoSo ?? '');
      expect(local, `dossier ${code} matches a local one`).toBeDefined();
      byOwner.delete(remote?.ChuHoSo ?? '');
      remote?.TaiLieuNop.forEach((doc, i) => {
        const stored = readFileSync(join(dir, 'gateway', 'uploads', doc.TepDinhKemId));
        const localBytes = readFileSync(local?.files[i]?.path ?? '');
        const sha = createHash('sha256').update(stored).digest('hex');
        expect(sha).toBe(createHash('sha256').update(localBytes).digest('hex'));
        expect(doc.HashTepTin).toBe(sha);
      });
    }
    expect(byOwner.size).toBe(0);

    const after = await openStore(station);
    const check = new OutboxStore(after.db, Date.now);
    expect(check.all()).toEqual([]);
    expect(check.receipts()).toHaveLength(DOSSIERS);
    after.close();
  }, 170_000);
});
