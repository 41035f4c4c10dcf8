import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openP12Signer, signPdfFile, verifyPdf } from '../../src-main/pdf/index.js';
import { makeTestPki } from '../fixtures/pki/make-pki.js';
import type { TestPki } from '../fixtures/pki/make-pki.js';
import { makePdf, pdfsig, runSohoa, sha256File } from './helpers.js';

let dir: string;
let pki: TestPki;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sohoa-sign-errors-'));
  pki = makeTestPki(dir);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function inputPdf(name: string): Promise<{ path: string; hash: string; out: string }> {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, await makePdf());
  return { path, hash: sha256File(path), out: join(dir, `${name}-signed.pdf`) };
}

describe('refusals leave the input untouched and write nothing', () => {
  it('wrong .p12 password (CLI): clear message, password never printed', async () => {
    const input = await inputPdf('wrong-password');
    const run = runSohoa(
      [
        'sign',
        input.path,
        '--out',
        input.out,
        '--p12',
        pki.signer.p12File,
        '--pass-env',
        'P12_PASS',
      ],
      {
        P12_PASS: 'not the password',
      },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[WRONG_PASSWORD]');
    expect(run.stderr).toContain('Wrong password for the certificate file');
    expect(run.stderr).not.toContain('not the password');
    expect(sha256File(input.path)).toBe(input.hash);
    expect(existsSync(input.out)).toBe(false);
  });

  it('non-PDF input (CLI): clear message', () => {
    const path = join(dir, 'photo.pdf');
    writeFileSync(path, Buffer.from('\x89PNG\r\n\x1a\n not really a pdf', 'latin1'));
    const hash = sha256File(path);
    const out = join(dir, 'photo-signed.pdf');
    const run = runSohoa(
      ['sign', path, '--out', out, '--p12', pki.signer.p12File, '--pass-env', 'P12_PASS'],
      {
        P12_PASS: pki.p12Password,
      },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[NOT_PDF]');
    expect(run.stderr).toContain('The file is not a PDF');
    expect(sha256File(path)).toBe(hash);
    expect(existsSync(out)).toBe(false);
  });

  it('expired certificate', async () => {
    const input = await inputPdf('expired');
    const signer = openP12Signer(readFileSync(pki.expired.p12File), pki.p12Password);
    await expect(signPdfFile(input.path, input.out, { signer })).rejects.toMatchObject({
      code: 'CERTIFICATE_EXPIRED',
      message: expect.stringContaining('expired on'),
      messageVi: expect.stringContaining('đã hết hạn'),
    });
    expect(sha256File(input.path)).toBe(input.hash);
    expect(existsSync(input.out)).toBe(false);
  });

  it('certificate without the digitalSignature key usage', async () => {
    const input = await inputPdf('no-ds');
    const signer = openP12Signer(readFileSync(pki.noDigitalSignature.p12File), pki.p12Password);
    await expect(signPdfFile(input.path, input.out, { signer })).rejects.toMatchObject({
      code: 'CERTIFICATE_USAGE',
      message: expect.stringContaining('no digitalSignature key usage'),
    });
    expect(sha256File(input.path)).toBe(input.hash);
    expect(existsSync(input.out)).toBe(false);
  });

  it('encrypted PDF and a file that is not PKCS#12', async () => {
    const input = await inputPdf('plain');
    const encrypted = join(dir, 'encrypted.pdf');
    execFileSync('qpdf', ['--encrypt', 'u', 'o', '256', '--', input.path, encrypted]);
    const hash = sha256File(encrypted);
    const signer = openP12Signer(readFileSync(pki.signer.p12File), pki.p12Password);
    await expect(
      signPdfFile(encrypted, join(dir, 'enc-out.pdf'), { signer }),
    ).rejects.toMatchObject({
      code: 'PDF_ENCRYPTED',
    });
    expect(sha256File(encrypted)).toBe(hash);
    expect(() => openP12Signer(readFileSync(input.path), 'x')).toThrow(
      expect.objectContaining({ code: 'P12_INVALID' }),
    );
  });

  it('bad options (CLI): both --p12 and --pkcs11', () => {
    const run = runSohoa([
      'sign',
      'a.pdf',
      '--out',
      'b.pdf',
      '--p12',
      'x.p12',
      '--pkcs11',
      'lib.so',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[VALIDATION]');
    expect(run.stderr).toContain('give exactly one of --p12 or --pkcs11');
  });
});

describe('signing in place', () => {
  it('--out may name the input: the file is replaced only once the signed copy is complete', async () => {
    const input = await inputPdf('in-place');
    const signer = openP12Signer(readFileSync(pki.signer.p12File), pki.p12Password);
    await signPdfFile(input.path, input.path, { signer });
    expect(sha256File(input.path)).not.toBe(input.hash);
    expect(pdfsig(input.path)).toContain('Signature is Valid');
    const report = await verifyPdf(readFileSync(input.path));
    expect(report.signatures).toHaveLength(1);
    expect(report.signatures[0]?.intact).toBe(true);
  });
});
