/**
 * `sohoa accounts` as IT uses it (the real bin in a child process): the first administrator
 * from a password in an environment variable, clear vi+en refusals of bad input, and the last
 * administrator protected.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

let dir: string;
let env: Record<string, string>;
const accounts = (...args: string[]) =>
  runCli(['--data-dir', join(dir, 'data'), 'accounts', ...args], env);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sohoa-accounts-cli-'));
  env = {
    SOHOA_KEY_DIR: join(dir, 'keys'),
    SOHOA_MACHINE_CONFIG: join(dir, 'machine.json'),
    ADMIN_PW: 'mat-khau-quan-tri',
  };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each run starts the CLI through tsx: slow on a busy 2-core machine.
describe('sohoa accounts', { timeout: 240_000 }, () => {
  it('creates the first administrator with the password from an environment variable', async () => {
    const added = await accounts(
      'add',
      'Admin',
      '--name',
      'Trần Quản Trị',
      '--admin',
      '--password-env',
      'ADMIN_PW',
      '--json',
    );
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      username: 'admin',
      displayName: 'Trần Quản Trị',
      role: 'admin',
      disabled: false,
    });
    expect(added.stdout).not.toContain('argon2');
    expect(added.stdout).not.toContain('mat-khau-quan-tri');
  });

  it('refuses a bad user name with a vi+en message, adding nothing', async () => {
    const bad = await accounts('add', 'Lê Hoa', '--name', 'Lê Hoa', '--password-env', 'ADMIN_PW');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('Tên đăng nhập không hợp lệ');
    expect(bad.stderr).toContain('Invalid user name');
  });

  it('keeps the last administrator: it cannot become a clerk', async () => {
    const demote = await accounts('role', 'admin', 'clerk');
    expect(demote.code).not.toBe(0);
    expect(demote.stderr).toContain('quản trị viên cuối cùng');
    expect(demote.stderr).toContain('last active administrator');

    const list = await accounts('list', '--json');
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ username: 'admin', role: 'admin' }),
    ]);
  });
});
