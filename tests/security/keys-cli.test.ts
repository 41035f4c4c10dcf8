/**
 * `sohoa key …` as IT staff run it: status and rotation in JSON, and bad input answered in
 * Vietnamese and English with exit code 1 and nothing changed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { openIn, plantCitizen, sandbox } from './keys-fixtures.js';

const box = sandbox('sohoa-key-cli-');
afterAll(() => box.remove());

describe('sohoa key', () => {
  it('rotates, reports, and refuses bad input plainly', async () => {
    const store = await openIn(box);
    await plantCitizen(store);
    const before = store.keys.currentId;
    store.close();
    const env = { SOHOA_KEY_DIR: box.keyDir };

    const rotated = await runCli(['key', 'rotate', '--json', '--data-dir', box.dataDir], env);
    expect(rotated.stderr).toBe('');
    const report = JSON.parse(rotated.stdout) as {
      from: string;
      to: string;
      blobsResealed: number;
    };
    expect(report).toMatchObject({ from: before, blobsResealed: 1 });
    expect(report.to).not.toBe(before);

    const notRsa = join(box.root, 'not-a-key.pem');
    writeFileSync(notRsa, '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n');
    const [escrow, recover] = await Promise.all([
      runCli(['key', 'escrow', '--public-key', notRsa, '--data-dir', box.dataDir], env),
      runCli(
        [
          'key',
          'recover',
          '--private-key',
          notRsa,
          '--passphrase-env',
          'bad name',
          '--data-dir',
          box.dataDir,
        ],
        env,
      ),
    ]);
    expect(escrow.code).toBe(1);
    expect(escrow.stderr).toMatch(/Khóa công khai khôi phục không đọc được/);
    expect(escrow.stderr).toMatch(/recovery public key cannot be read/);
    expect(recover.code).toBe(1);
    expect(recover.stderr).toMatch(/không hợp lệ/);
    expect(recover.stderr).toMatch(/an environment variable name/);

    const status = await runCli(['key', 'status', '--json', '--data-dir', box.dataDir], env);
    expect(JSON.parse(status.stdout)).toMatchObject({
      state: 'encrypted',
      keyId: report.to,
      keyPresent: true,
      escrowed: false,
    });
  }, 240_000);
});
