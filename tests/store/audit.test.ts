import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, openStoreDatabase } from '../../src-main/store/index.js';
import { openCatalogued, serviceFor, tempDir } from './helpers.js';

async function withLog(
  fn: (
    dbFile: string,
    reopen: () => Promise<{ ok: boolean; problems: Array<{ seq: number; problem: string }> }>,
  ) => void | Promise<void>,
): Promise<void> {
  const { dir, remove } = tempDir();
  try {
    const store = await openCatalogued(dir);
    const s = serviceFor(store);
    for (let i = 0; i < 5; i++)
      s.create({ MaTTHC: '1.001193', ChuHoSo: `Người ${i}` }, `clerk-${i}`);
    expect(store.audit.verify()).toEqual({ ok: true, rows: 5, problems: [] });
    // the app itself cannot rewrite history
    expect(() => store.db.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 1").run()).toThrow(
      /append-only/,
    );
    expect(() => store.db.prepare('DELETE FROM audit_log WHERE seq = 5').run()).toThrow(
      /append-only/,
    );
    store.close();
    await fn(join(dir, DATABASE_FILE), async () => {
      const again = await openCatalogued(dir);
      try {
        return again.audit.verify();
      } finally {
        again.close();
      }
    });
  } finally {
    remove();
  }
}

/** Someone with another SQLite tool: drops the guard triggers and edits rows. */
function tamper(dbFile: string, sql: string): void {
  const db = openStoreDatabase(dirname(dbFile));
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  db.exec(sql);
  db.close();
}

describe('audit log', () => {
  it('detects an edited row', async () => {
    await withLog(async (file, verify) => {
      tamper(file, "UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2");
      expect(await verify()).toMatchObject({
        ok: false,
        problems: [{ seq: 2, problem: 'hash-mismatch' }],
      });
    });
  });

  it('detects a deleted row in the middle', async () => {
    await withLog(async (file, verify) => {
      tamper(file, 'DELETE FROM audit_log WHERE seq = 3');
      const v = await verify();
      expect(v.ok).toBe(false);
      expect(v.problems.map((p) => p.problem)).toEqual(
        expect.arrayContaining(['sequence-gap', 'chain-broken']),
      );
    });
  });

  it('detects the last row deleted', async () => {
    await withLog(async (file, verify) => {
      tamper(file, 'DELETE FROM audit_log WHERE seq = 5');
      expect(await verify()).toMatchObject({ ok: false, problems: [{ problem: 'head-mismatch' }] });
    });
  });

  it('detects a row re-hashed to look consistent, by the chain after it', async () => {
    await withLog(async (file, verify) => {
      tamper(file, "UPDATE audit_log SET hash = '" + 'f'.repeat(64) + "' WHERE seq = 2");
      const v = await verify();
      expect(v.problems).toEqual(
        expect.arrayContaining([
          { seq: 2, problem: 'hash-mismatch' },
          { seq: 3, problem: 'chain-broken' },
        ]),
      );
    });
  });
});
