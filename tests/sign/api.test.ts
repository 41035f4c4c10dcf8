import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../src-main/api/index.js';
import type { RunningHttpServer } from '../../src-main/api/index.js';
import { createCore } from '../../src-main/core/index.js';
import type { Core } from '../../src-main/core/index.js';
import { makeTestPki } from '../fixtures/pki/make-pki.js';
import type { TestPki } from '../fixtures/pki/make-pki.js';
import { makePdf, pdfsig, sha256File } from './helpers.js';
import { callApi, type ApiAnswer } from '../api/call.js';

const token = 'sign-test-token';
let dir: string;
let pki: TestPki;
let core: Core;
let server: RunningHttpServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sohoa-sign-api-'));
  pki = makeTestPki(dir);
  const machineConfig = join(dir, 'machine.json');
  writeFileSync(
    machineConfig,
    JSON.stringify({
      agency: { name: 'UBND xã Tân Phú' },
      signing: {
        provider: 'pkcs12',
        pkcs12File: pki.signer.p12File,
        visibleStamp: true,
        pades: true,
        // Nothing listens on the discard port: the configured TSA is unreachable, so the
        // signature is made without a timestamp (requireTimestamp is false).
        tsaUrl: 'http://127.0.0.1:9/tsr',
      },
    }),
  );
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>SoHoa</title>');
  core = createCore({ dataDir: join(dir, 'data'), env: { SOHOA_MACHINE_CONFIG: machineConfig } });
  server = await startHttpServer({ core, token, port: 0, rendererDir });
});

afterAll(async () => {
  await server.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (method: string, input: unknown): Promise<ApiAnswer> =>
  callApi(server.url, token, method, input);

describe('signature API (browser-mode HTTP transport)', () => {
  it('signs with the configured certificate and stamp, then verifies', async () => {
    const input = join(dir, 'component.pdf');
    writeFileSync(input, await makePdf());
    const output = join(dir, 'component-signed.pdf');
    const signed = await call('signature.sign', {
      input,
      output,
      secret: pki.p12Password,
      reason: 'Sao y',
    });
    expect(signed.status).toBe(200);
    expect(signed.body.result).toMatchObject({
      output,
      fieldName: 'Signature1',
      timestamp: 'unavailable',
    });
    expect(pdfsig(output)).toContain('Signature is Valid');
    expect(readFileSync(output).toString('latin1')).toContain('/ETSI.CAdES.detached');
    expect(readFileSync(output).toString('latin1')).toContain('/Subtype /Widget');

    const verified = await call('signature.verify', { path: output });
    expect(verified.status).toBe(200);
    const report = verified.body.result as { signatures: { intact: boolean; reason: string }[] };
    expect(report.signatures).toHaveLength(1);
    expect(report.signatures[0]).toMatchObject({ intact: true, reason: 'Sao y' });
  });

  it('answers a wrong password and bad input with clear errors and changes nothing', async () => {
    const input = join(dir, 'untouched.pdf');
    writeFileSync(input, await makePdf());
    const hash = sha256File(input);
    const wrong = await call('signature.sign', { input, output: input, secret: 'sai mật khẩu' });
    expect(wrong.body.error).toMatchObject({ code: 'WRONG_PASSWORD' });
    expect(JSON.stringify(wrong.body)).not.toContain('sai mật khẩu');
    const bad = await call('signature.sign', { input, output: input });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION' });
    expect(sha256File(input)).toBe(hash);
  });
});
