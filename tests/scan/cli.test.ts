/**
 * The `sohoa` command as IT staff and scripts use it, against the libsane test device and files.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeImportFixtures } from './import-fixtures.js';
import { tempDir, useSaneTestDevice } from './sane-test-device.js';

useSaneTestDevice();
const bin = join(import.meta.dirname, '..', '..', 'bin', 'sohoa.js');

function sohoa(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--data-dir', tempDir('cli-data'), ...args], {
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('sohoa devices / scan', () => {
  it('devices --json lists test:0', async () => {
    const { code, stdout } = await sohoa(['devices', '--json']);
    expect(code).toBe(0);
    const devices = JSON.parse(stdout) as Array<{ id: string; driver: string }>;
    expect(devices).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'test:0', driver: 'sane' })]),
    );
  });

  it('scan --source adf --out D writes exactly 10 pages, then reports the feeder empty', async () => {
    const out = tempDir('cli-out');
    const { code, stdout } = await sohoa([
      'scan',
      '--device',
      'test:0',
      '--source',
      'adf',
      '--dpi',
      '50',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    expect(readdirSync(out)).toHaveLength(10);
    expect(stdout).toContain('khay nạp giấy đã hết');
    expect(stdout).toContain('the feeder is empty');
  });

  it('a jam on the 3rd sheet: typed error, non-zero exit, the first two pages kept', async () => {
    const out = tempDir('cli-out');
    const { code, stderr } = await sohoa(
      ['scan', '--device', 'test:0', '--source', 'adf', '--dpi', '50', '--out', out],
      {
        SOHOA_SCAN_INJECT_STATUS: '3:SANE_STATUS_JAMMED',
      },
    );
    expect(code).toBe(1);
    expect(stderr).toContain('[SCAN_JAMMED]');
    expect(stderr).toContain('Kẹt giấy');
    expect(stderr).toContain('2 page(s) kept');
    expect(readdirSync(out).sort()).toEqual(['page-0001.png', 'page-0002.png']);
  });

  it('refuses a bad request before touching the scanner', async () => {
    const both = await sohoa([
      'scan',
      '--device',
      'test:0',
      '--out',
      tempDir('cli-out'),
      '--dossier',
      'X',
    ]);
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('not both');
    const dpi = await sohoa([
      'scan',
      '--device',
      'test:0',
      '--dpi',
      'lots',
      '--out',
      tempDir('cli-out'),
    ]);
    expect(dpi.code).toBe(1);
    expect(dpi.stderr).toContain('dpi');
  });
});

describe('sohoa import', () => {
  it('imports the good files, reports the bad one and exits non-zero', async () => {
    const fx = await makeImportFixtures(tempDir('cli-fx'));
    const out = tempDir('cli-out');
    const { code, stdout, stderr } = await sohoa([
      'import',
      fx.png,
      fx.encryptedPdf,
      fx.pdf,
      '--dpi',
      '72',
      '--out',
      out,
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain('[IMPORT_ENCRYPTED]');
    expect(stderr).toContain('encrypted.pdf');
    expect(stderr).toContain('[IMPORT_PARTIAL]');
    expect(stdout).toContain('2/3');
    expect(readdirSync(out).sort()).toEqual(['page-0001.png', 'page-0002.png', 'page-0003.png']);
  });
});
