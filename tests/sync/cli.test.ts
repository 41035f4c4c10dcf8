/**
 * The `sohoa` commands of sync as a person runs them: export at a counter, import-package at
 * another station, sync status there, and a bad argument answered with a clear message.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store/index.js';
import { OutboxStore } from '../../src-main/sync/index.js';
import { entry, tempDir } from './fixtures.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'sohoa.js');
const run = promisify(execFile);

async function sohoa(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, SOHOA_LANG: 'vi' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('sohoa export / import-package / sync status', () => {
  it('moves a dossier between stations by package and shows it queued', async () => {
    const dir = tempDir('cli');
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    const store = await openStore(a);
    const e = entry(join(a, 'files'), 9);
    new OutboxStore(store.db, Date.now).enqueue(e);
    store.close();
    const pkg = join(dir, 'ho-so.zip');

    const [exported, refused] = await Promise.all([
      sohoa(['--data-dir', a, 'export', '--dossier', e.dossier.MaHoSo, '--out', pkg, '--json']),
      sohoa([
        '--data-dir',
        a,
        'export',
        '--dossier',
        e.dossier.MaHoSo,
        '--out',
        join(dir, 'x.txt'),
      ]),
    ]);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({
      MaHoSo: e.dossier.MaHoSo,
      files: 3,
      file: pkg,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('.zip');

    const imported = await sohoa(['--data-dir', b, 'import-package', pkg, '--json']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({
      code: e.dossier.MaHoSo,
      files: 3,
      outcome: 'queued',
    });

    const status = await sohoa(['--data-dir', b, 'sync', 'status', '--json']);
    expect(status.code).toBe(0);
    const parsed = JSON.parse(status.stdout) as {
      outbox: Record<string, number>;
      waiting: Array<{ provisionalCode: string }>;
    };
    expect(parsed.outbox.queued).toBe(1);
    expect(parsed.waiting[0]?.provisionalCode).toBe(e.dossier.MaHoSo);
  }, 120_000);
});
