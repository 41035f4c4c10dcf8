import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTrustStore, openP12Signer, signPdf, verifyPdf } from '../../src-main/pdf/index.js';
import { makeTestPki } from '../fixtures/pki/make-pki.js';
import type { TestPki } from '../fixtures/pki/make-pki.js';
import { makePdf } from './helpers.js';

let dir: string;
let pki: TestPki;
let signed: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sohoa-verify-'));
  pki = makeTestPki(dir);
  const signer = openP12Signer(readFileSync(pki.signer.p12File), pki.p12Password);
  signed = (await signPdf(await makePdf(), { signer })).bytes;
});

afterAll(() => {
  delete process.env.SOHOA_TRUST_DIR;
  rmSync(dir, { recursive: true, force: true });
});

describe('trust store', () => {
  it('a chain to an unknown root is intact but untrusted, and the report says why', async () => {
    const report = await verifyPdf(signed);
    expect(report.valid).toBe(false);
    expect(report.signatures[0]).toMatchObject({
      status: 'untrusted',
      intact: true,
      chain: { status: 'untrusted' },
    });
    expect(report.signatures[0]?.problems.map((p) => p.en).join()).toContain(
      'not in the trust store',
    );
  });

  it('IT staff extend it through SOHOA_TRUST_DIR with PEM or DER files', async () => {
    const folder = join(dir, 'it-roots');
    mkdirSync(folder);
    writeFileSync(join(folder, 'sohoa-test-root.der'), pki.ca.certDer);
    writeFileSync(join(folder, 'broken.crt'), 'not a certificate');
    writeFileSync(join(folder, 'notes.txt'), 'ignored');
    process.env.SOHOA_TRUST_DIR = folder;
    try {
      const report = await verifyPdf(signed);
      expect(report.valid).toBe(true);
      expect(report.signatures[0]?.chain.anchor).toContain('CN=SoHoa Test Root CA');
      const store = loadTrustStore([folder]);
      expect(store.anchors).toHaveLength(1);
      expect(store.rejected.map((r) => r.file)).toEqual([join(folder, 'broken.crt')]);
    } finally {
      delete process.env.SOHOA_TRUST_DIR;
    }
  });

  it('a root that is trusted does not vouch for a signer from another CA', async () => {
    const folder = join(dir, 'only-test-root');
    mkdirSync(folder);
    writeFileSync(join(folder, 'root.pem'), pki.ca.certPem);
    const stranger = openP12Signer(readFileSync(pki.strangerSigner.p12File), pki.p12Password);
    const bytes = (await signPdf(await makePdf(), { signer: stranger })).bytes;
    const report = await verifyPdf(bytes, { trustDirs: [folder] });
    expect(report.signatures[0]).toMatchObject({ status: 'untrusted', intact: true });
    expect(report.signatures[0]?.chain.certificates).toEqual([
      'C=VN, O=UBND phường Bến Nghé, CN=Người Lạ',
      'CN=Unknown Root CA',
    ]);
  });
});

describe('damaged signature blobs', () => {
  it('are reported invalid with a reason instead of failing the whole check', async () => {
    const at = signed.indexOf('/Contents <') + '/Contents <'.length;
    for (const [offset, hex] of [
      [0, 'FFFF'], // not DER any more
      [600, '00'], // inside the embedded certificates
    ] as const) {
      const broken = Buffer.from(signed);
      broken.write(hex, at + offset, 'latin1');
      const report = await verifyPdf(broken);
      expect(report.valid).toBe(false);
      expect(report.signatures).toHaveLength(1);
      expect(report.signatures[0]?.status).toBe('invalid');
      expect(report.signatures[0]?.problems.length).toBeGreaterThan(0);
    }
  });
});

describe('documents without signatures', () => {
  it('reports no signatures and not valid', async () => {
    const report = await verifyPdf(await makePdf());
    expect(report).toEqual({ signatures: [], valid: false });
  });
});
