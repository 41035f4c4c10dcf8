/**
 * The retention rule applied by a running station on its own (real store in a temp dir): the
 * scheduled check purges the dossier that is due, names itself in the audit, keeps going after a
 * failed check, does nothing without a rule, and stops when told.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/index.js';
import { storeService } from '../../src-main/core/dossiers/index.js';
import {
  RetentionSchedule,
  SCHEDULED_RETENTION_ACTOR,
  retentionService,
} from '../../src-main/core/retention/index.js';
import type { RetentionReport } from '../../src-main/domain/index.js';
import { plant } from './retention-fixtures.js';

let dir: string;
let core: Core;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sohoa-retention-schedule-'));
  process.env.SOHOA_KEY_DIR = join(dir, 'keys');
  core = createCore({
    dataDir: join(dir, 'data'),
    env: {
      SOHOA_KEY_DIR: join(dir, 'keys'),
      SOHOA_MACHINE_CONFIG: join(dir, 'machine.json'),
      SOHOA_AGENCY_CODE: '000.00.06.H56',
      SOHOA_SECURITY_RETENTION_DAYS: '30',
    },
  });
});

afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

const silent = { error: () => undefined } as never;

/** Waits for `n` checks of the schedule to have finished. */
async function checks(schedule: RetentionSchedule, n: number): Promise<RetentionReport[]> {
  const reports: RetentionReport[] = [];
  let last: Promise<RetentionReport | undefined> | undefined;
  while (reports.length < n) {
    const current = schedule.lastCheck();
    if (current !== last) {
      last = current;
      const report = await current;
      if (report) reports.push(report);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  return reports;
}

describe('scheduled retention', { timeout: 60_000 }, () => {
  it('purges what is due by itself and records the station as the actor', async () => {
    const store = await core.use(storeService);
    const old = await plant(core, store, 'Nguyễn Văn Cũ', 45);
    const recent = await plant(core, store, 'Trần Thị Mới', 5);
    const retention = core.use(retentionService);
    const schedule = new RetentionSchedule({
      purge: () => retention.run({ dryRun: false, actor: SCHEDULED_RETENTION_ACTOR }),
      enabled: () => true,
      log: silent,
      firstDelayMs: 1,
      intervalMs: 20,
    });
    schedule.start();
    const [first, second] = await checks(schedule, 2);
    await schedule.stop();

    expect(first?.dossiers.map((d) => d.MaHoSo)).toEqual([old.MaHoSo]);
    expect(second?.dossiers).toEqual([]);
    expect(store.dossiers.get(old.id)).toBeUndefined();
    expect(store.dossiers.get(recent.id)?.ChuHoSo).toBe('Trần Thị Mới');
    const actors = store.db
      .prepare("SELECT actor FROM audit_log WHERE action = 'retention.purge'")
      .all() as Array<{ actor: string }>;
    expect(actors).toEqual([{ actor: SCHEDULED_RETENTION_ACTOR }]);
  });

  it('logs a failed check and runs the next; without a rule it does not purge', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    let enabled = true;
    const schedule = new RetentionSchedule({
      purge: () => {
        calls += 1;
        if (calls === 1) return Promise.reject(new Error('disk full'));
        enabled = false;
        return Promise.resolve({} as RetentionReport);
      },
      enabled: () => enabled,
      log: { error: (e: unknown) => errors.push(e) } as never,
      firstDelayMs: 1,
      intervalMs: 10,
    });
    schedule.start();
    await checks(schedule, 1);
    // More checks come while the rule is off: none of them purges.
    await new Promise((r) => setTimeout(r, 100));
    await schedule.stop();
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);

    // Stopped: no check runs any more.
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toBe(2);
  });
});
