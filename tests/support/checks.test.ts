/**
 * The station checks one by one, in process, against real parts: the reference gateway on
 * 127.0.0.1 (accepted, refused, unreachable), a throw-away PKI's .p12 files (valid, about to
 * expire, expired, wrong password), and `sohoa config validate` naming a wrong value.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  signingCheck,
  stationDoctorChecks,
  type StationContext,
} from '../../src-main/core/diagnostics/index.js';
import type { CheckResult, DoctorCheck } from '../../src-main/domain/index.js';
import { configSchema, type ConfigFile } from '../../src-main/platform/index.js';
import { DEFAULT_AGENCY, startGateway, type RunningGateway } from '../../src-main/sync/index.js';
import { runCli } from '../cli/run-cli.js';
import { makeTestPki, type TestPki } from '../fixtures/pki/make-pki.js';
import { tempDir } from '../scan/sane-test-device.js';

const root = tempDir('checks');
let gateway: RunningGateway;
let pki: TestPki;
const CREDENTIAL = {
  client_id: 'tram-01',
  client_secret: 'right-secret',
  MaDonVi: [DEFAULT_AGENCY],
};

beforeAll(async () => {
  gateway = await startGateway({ dataDir: join(root, 'gateway'), credentials: [CREDENTIAL] });
  mkdirSync(join(root, 'pki'));
  pki = makeTestPki(join(root, 'pki'));
});
afterAll(async () => {
  await gateway.close();
  rmSync(root, { recursive: true, force: true });
});

function check(id: string, config: ConfigFile, env: NodeJS.ProcessEnv = {}): DoctorCheck {
  const context: StationContext = { dataDir: root, env, config: configSchema.parse(config) };
  const found = stationDoctorChecks(context).find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}
const run = async (c: DoctorCheck): Promise<CheckResult> => c.run();

describe('gateway.connection', () => {
  const configured = (baseUrl: string): ConfigFile => ({
    gateway: { baseUrl, clientId: CREDENTIAL.client_id, timeoutMs: 2000 },
    agency: { code: DEFAULT_AGENCY },
  });

  it('ok when reachable and the credentials are accepted', async () => {
    const r = await run(
      check('gateway.connection', configured(gateway.url), {
        SOHOA_GATEWAY_SECRET: 'right-secret',
      }),
    );
    expect(r.status).toBe('ok');
    expect(r.message.en).toContain('credentials accepted');
  });

  it('fails naming refused credentials, a missing secret, or an unreachable gateway', async () => {
    const refused = await run(
      check('gateway.connection', configured(gateway.url), {
        SOHOA_GATEWAY_SECRET: 'wrong-secret',
      }),
    );
    expect(refused.status).toBe('fail');
    expect(refused.message.en).toMatch(/refused/);
    expect(refused.fix?.en).toMatch(/sync login/);

    const noSecret = await run(check('gateway.connection', configured(gateway.url)));
    expect(noSecret.status).toBe('fail');
    expect(noSecret.message.en).toMatch(/client secret/);

    const down = await run(
      check('gateway.connection', configured('http://127.0.0.1:9/v1'), {
        SOHOA_GATEWAY_SECRET: 'x',
      }),
    );
    expect(down.status).toBe('fail');
    expect(down.message.en).toMatch(/Cannot reach http:\/\/127\.0\.0\.1:9/);
  });
});

describe('signing.certificate', () => {
  const p12 = (file: string): ConfigFile => ({ signing: { provider: 'pkcs12', pkcs12File: file } });

  it('ok with the expiry date, warn within 30 days, fail when expired', async () => {
    const env = { SOHOA_SIGNING_PASSWORD: pki.p12Password };
    const valid = await run(check('signing.certificate', p12(pki.signer.p12File), env));
    expect(valid.status).toBe('ok');
    expect(valid.message.en).toMatch(/Nguyễn Văn Đặng.*valid until \d{4}-\d{2}-\d{2}/);

    const context: StationContext = {
      dataDir: root,
      env,
      config: configSchema.parse(p12(pki.signer.p12File)),
    };
    const soon = await signingCheck(context, () => new Date(Date.now() + 350 * 86_400_000)).run();
    expect(soon.status).toBe('warn');
    expect(soon.message.en).toMatch(/days left/);

    const expired = await run(check('signing.certificate', p12(pki.expired.p12File), env));
    expect(expired.status).toBe('fail');
    expect(expired.message.en).toMatch(/expired on/);
    expect(expired.fix?.en).toMatch(/renew/);
  });

  it('fails on a wrong password or a missing file; ok when signing is off', async () => {
    const wrong = await run(
      check('signing.certificate', p12(pki.signer.p12File), { SOHOA_SIGNING_PASSWORD: 'nope' }),
    );
    expect(wrong.status).toBe('fail');
    expect(wrong.message.en).toMatch(/Wrong password/);
    const missing = await run(check('signing.certificate', p12(join(root, 'none.p12'))));
    expect(missing.status).toBe('fail');
    expect(missing.message.en).toMatch(/not found/);
    expect((await run(check('signing.certificate', {}))).status).toBe('ok');
  });
});

describe('sohoa config validate', () => {
  it('rejects a wrong value and names the key', async () => {
    const bad = join(root, 'bad-value.json');
    writeFileSync(
      bad,
      JSON.stringify({ sync: { intervalSeconds: 1 }, update: { channel: 'nightly' } }),
    );
    const r = await runCli(['config', 'validate', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('sync.intervalSeconds');
    expect(r.stderr).toContain('update.channel');
  });
});
