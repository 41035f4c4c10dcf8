/**
 * `sohoa support-bundle`: the zip carries logs, configuration, doctor output and versions, and no
 * secret planted in the environment, the secrets file, the configuration files or the logs —
 * neither in the unzipped entries nor anywhere in the raw zip bytes.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeClientSecret } from '../../src-main/sync/index.js';
import { runCli } from '../cli/run-cli.js';
import { tempDir, useSaneTestDevice } from '../scan/sane-test-device.js';
import { readZip } from './unzip.js';

const root = tempDir('support');
const saneDir = useSaneTestDevice();
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ENV_SECRET = 'envSecret-7f3a9c1e';
const FILE_SECRET = 'fileSecret-52be0d44';
const URL_PASSWORD = 'urlPass-19ac77e0';
const CONFIG_SECRET = 'cfgSecret-a1b2c3d4';
const SIGNING_PASSWORD = 'p12Pass-0c0ffee0';
const BEARER = 'eyJhbGciOiJIUzI1NiJ9.bearerToken-6d5e4f';
const SECRETS = [ENV_SECRET, FILE_SECRET, URL_PASSWORD, CONFIG_SECRET, SIGNING_PASSWORD, BEARER];

describe('sohoa support-bundle', () => {
  it('bundles logs, config, doctor output and versions without any planted secret', async () => {
    const dataDir = join(root, 'station');
    const machine = join(root, 'machine.json');
    writeClientSecret(dataDir, FILE_SECRET);
    writeFileSync(
      machine,
      JSON.stringify({
        gateway: { baseUrl: `https://station:${URL_PASSWORD}@127.0.0.1:9/v1`, clientId: 'tram-01' },
        agency: { code: '000.00.06.H56' },
      }),
    );
    // A mistake IT staff make: the secret pasted into the user config (an unknown key, too).
    writeFileSync(
      join(dataDir, 'config.json'),
      JSON.stringify({ gateway: { clientSecret: CONFIG_SECRET } }),
    );
    mkdirSync(join(dataDir, 'logs'));
    writeFileSync(
      join(dataDir, 'logs', 'sohoa.1.log'),
      [
        JSON.stringify({ level: 30, msg: 'sync login', clientSecret: FILE_SECRET }),
        JSON.stringify({ level: 50, msg: `token request failed for secret ${FILE_SECRET}` }),
        JSON.stringify({
          level: 30,
          msg: 'upload',
          headers: { authorization: `Bearer ${BEARER}` },
        }),
        `plain line: Authorization: Bearer ${BEARER}`,
        JSON.stringify({ level: 30, msg: 'scan finished', pages: 12 }),
      ].join('\n'),
    );

    const out = join(root, 'bundle.zip');
    const env = {
      SANE_CONFIG_DIR: saneDir,
      SOHOA_MACHINE_CONFIG: machine,
      SOHOA_GATEWAY_SECRET: ENV_SECRET,
      SOHOA_SIGNING_PASSWORD: SIGNING_PASSWORD,
    };
    const result = await runCli(
      ['support-bundle', '--out', out, '--json', '--data-dir', dataDir],
      env,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { entries: string[]; doctorStatus: string };
    expect(summary.doctorStatus).toBe('fail'); // the user config is invalid

    const entries = await readZip(out);
    expect([...entries.keys()].sort()).toEqual(
      [
        'config/effective-error.txt',
        'config/machine.json',
        'config/user.json',
        'doctor.json',
        'environment.json',
        'logs/sohoa.1.log',
        'versions.json',
      ].sort(),
    );
    const raw = readFileSync(out).toString('latin1');
    for (const secret of SECRETS) {
      expect(raw).not.toContain(secret);
      for (const [name, text] of entries)
        expect(text, `${secret} in ${name}`).not.toContain(secret);
    }
    // What support needs is still there.
    const doctor = JSON.parse(entries.get('doctor.json') ?? '{}') as {
      checks: Array<{ id: string; status: string; message: { en: string } }>;
    };
    const config = doctor.checks.find((c) => c.id === 'config.valid');
    expect(config?.status).toBe('fail');
    expect(config?.message.en).toContain('gateway.clientSecret: unknown key');
    expect(entries.get('logs/sohoa.1.log')).toContain('scan finished');
    expect(entries.get('config/machine.json')).toContain('127.0.0.1:9/v1');
    expect(entries.get('config/user.json')).toContain('[redacted]');
    expect(JSON.parse(entries.get('environment.json') ?? '{}')).toMatchObject({
      SOHOA_GATEWAY_SECRET: '[redacted]',
      SANE_CONFIG_DIR: saneDir,
    });
    const versions = JSON.parse(entries.get('versions.json') ?? '{}') as {
      app: string;
      versions: { node: string };
    };
    expect(versions.app).toMatch(/^\d+\.\d+\.\d+/);
    expect(versions.versions.node).toBe(process.versions.node);

    // Never overwrites, and a bad name is refused before anything is written.
    const badName = join(root, 'bundle.txt');
    const [again, bad] = await Promise.all([
      runCli(['support-bundle', '--out', out, '--data-dir', dataDir], env),
      runCli(['support-bundle', '--out', badName, '--data-dir', dataDir], env),
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/đã có|already exists/);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/\.zip/);
    expect(existsSync(badName)).toBe(false);
  });
});
