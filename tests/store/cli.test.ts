/**
 * The `sohoa` commands of the store, run as a person or script would: a real process on a real
 * data directory. Few calls on purpose (each starts Node and tsx); the service and HTTP tests
 * cover the same paths in depth.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openStoreDatabase } from '../../src-main/store/index.js';
import { AGENCY, tempDir } from './helpers.js';

const bin = fileURLToPath(new URL('../../bin/sohoa.js', import.meta.url));
const tmp = tempDir('sohoa-cli-');
const dataDir = join(tmp.dir, 'data');
afterAll(() => tmp.remove());

async function sohoa(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [bin, '--data-dir', dataDir, ...args],
      {
        env: { ...process.env, SOHOA_AGENCY_CODE: AGENCY, SOHOA_LANG: 'vi' },
        timeout: 60_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('sohoa dossier | search | doctor | audit', () => {
  let code = '';

  it('receives a dossier and finds it with highlights', async () => {
    const created = await sohoa(
      'dossier',
      'new',
      '--procedure',
      '1.001193',
      '--owner',
      'Nguyễn Văn Đặng',
      '--id',
      '001203012345',
      '--received',
      '20261126093000',
      '--json',
    );
    expect(created.code).toBe(0);
    const detail = JSON.parse(created.stdout) as {
      dossier: { MaHoSo: string; NgayHenTra: string };
    };
    code = detail.dossier.MaHoSo;
    expect(code).toBe(`TAM-${AGENCY}-261126-0001`);
    expect(detail.dossier.NgayHenTra).toBe('20261126170000');

    const found = await sohoa('search', 'nguyen van dang', '--json');
    expect((JSON.parse(found.stdout) as Array<{ MaHoSo: string }>).map((h) => h.MaHoSo)).toEqual([
      code,
    ]);
    const human = await sohoa('search', 'dang ky khai sinh');
    expect(human.stdout).toContain('[Đăng] [ký] [khai] [sinh]');
  });

  it('answers bad input with a clear error, exit code 1, and no change', async () => {
    const bad = await sohoa(
      'dossier',
      'new',
      '--procedure',
      '1.001193',
      '--owner',
      'Trần B',
      '--id',
      '0012030123456',
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/12 chữ số/);
    expect(bad.stderr).toMatch(/12 digits/);
    const db = openStoreDatabase(dataDir, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM dossiers').get()).toEqual({ n: 1 });
    db.close();
  });

  it('audit verify catches an edited audit row', async () => {
    const db = openStoreDatabase(dataDir);
    db.exec(
      "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'ai đó' WHERE seq = 1;",
    );
    db.close();
    const verify = await sohoa('audit', 'verify');
    expect(verify.code).toBe(1);
    expect(verify.stderr).toMatch(/Nhật ký kiểm toán bị sửa/);
  });
}, 240_000);
