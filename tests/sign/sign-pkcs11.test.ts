import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPkcs11Signer, signPdfFile, verifyPdf } from '../../src-main/pdf/index.js';
import { makeTestPki } from '../fixtures/pki/make-pki.js';
import type { TestPki } from '../fixtures/pki/make-pki.js';
import { makeSoftHsmToken } from '../fixtures/pki/softhsm.js';
import type { TestToken } from '../fixtures/pki/softhsm.js';
import { makeNssDb, makePdf, pdfsig, runSohoa, sha256File } from './helpers.js';

let dir: string;
let pki: TestPki;
let token: TestToken;
let expiredToken: TestToken;
let nss: string;
let trustDir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sohoa-sign-p11-'));
  pki = makeTestPki(dir);
  token = makeSoftHsmToken(join(dir, 'token'), [pki.signer]);
  expiredToken = makeSoftHsmToken(join(dir, 'expired-token'), [pki.expired]);
  nss = makeNssDb(join(dir, 'nss'), pki.ca.certFile);
  execFileSync('certutil', [
    '-A',
    '-d',
    `sql:${nss}`,
    '-n',
    'signer',
    '-t',
    ',,',
    '-a',
    '-i',
    pki.signer.certFile,
  ]);
  trustDir = join(dir, 'trust');
  execFileSync('mkdir', ['-p', trustDir]);
  writeFileSync(join(trustDir, 'root.pem'), pki.ca.certPem);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function withToken<T>(
  t: TestToken,
  pin: string,
  use: (signer: Awaited<ReturnType<typeof openPkcs11Signer>>) => Promise<T>,
) {
  process.env.SOFTHSM2_CONF = t.conf;
  const signer = await openPkcs11Signer({ library: t.library, pin });
  try {
    return await use(signer);
  } finally {
    signer.close();
  }
}

describe('PKCS#11 token (SoftHSM2)', () => {
  it('signs on the token, once through the API and once through the CLI; pdfsig reports both valid', async () => {
    const input = join(dir, 'in.pdf');
    writeFileSync(input, await makePdf());
    const once = join(dir, 'token-one.pdf');
    const result = await withToken(token, token.pin, (signer) =>
      signPdfFile(input, once, { signer, stamp: { agency: 'Sở Tư pháp TP. Hồ Chí Minh' } }),
    );
    expect(result.chainTrusted).toBe(false); // the token holds no CA certificate and no trust dir was given
    const one = pdfsig(once, nss);
    expect(one).toContain('Signature is Valid');
    expect(one).toContain('Certificate is Trusted');

    const twice = join(dir, 'token-two.pdf');
    const run = runSohoa(
      [
        'sign',
        once,
        '--out',
        twice,
        '--pkcs11',
        token.library,
        '--slot',
        '0',
        '--pin-env',
        'TOKEN_PIN',
        '--trust-dir',
        trustDir,
        '--json',
      ],
      { SOFTHSM2_CONF: token.conf, TOKEN_PIN: token.pin },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      field: 'Signature2',
      chainTrusted: true,
      timestamp: 'not-requested',
    });
    expect(run.stdout + run.stderr).not.toContain(token.pin);
    const two = pdfsig(twice, nss);
    expect(two.match(/Signature is Valid/g)).toHaveLength(2);
    expect(two.match(/Certificate is Trusted/g)).toHaveLength(2);
    const report = await verifyPdf(readFileSync(twice), { trustDirs: [trustDir] });
    expect(report.signatures.map((s) => s.status)).toEqual(['valid', 'valid']);
  });

  it('a wrong PIN is a clear error, is not echoed, and leaves the input untouched', async () => {
    const input = join(dir, 'pin-in.pdf');
    writeFileSync(input, await makePdf());
    const before = sha256File(input);
    const out = join(dir, 'pin-out.pdf');
    const run = runSohoa(
      ['sign', input, '--out', out, '--pkcs11', token.library, '--pin-env', 'TOKEN_PIN'],
      {
        SOFTHSM2_CONF: token.conf,
        TOKEN_PIN: '999999',
      },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[WRONG_PIN]');
    expect(run.stderr).toContain('Wrong token PIN');
    expect(run.stderr).not.toContain('999999');
    expect(sha256File(input)).toBe(before);
    expect(existsSync(out)).toBe(false);
  });

  it('an expired certificate on the token is refused before anything is signed', async () => {
    const input = join(dir, 'exp-in.pdf');
    writeFileSync(input, await makePdf());
    const before = sha256File(input);
    const out = join(dir, 'exp-out.pdf');
    await expect(
      withToken(expiredToken, expiredToken.pin, (signer) => signPdfFile(input, out, { signer })),
    ).rejects.toMatchObject({ code: 'CERTIFICATE_EXPIRED' });
    expect(sha256File(input)).toBe(before);
    expect(existsSync(out)).toBe(false);
  });

  it('a missing token library is a clear error', async () => {
    await expect(
      openPkcs11Signer({ library: join(dir, 'no-such-lib.so'), pin: '1' }),
    ).rejects.toMatchObject({
      code: 'PKCS11_LIBRARY',
    });
  });
});
