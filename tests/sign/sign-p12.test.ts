import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openP12Signer, signPdf, verifyPdf } from '../../src-main/pdf/index.js';
import { parseSignedData } from '../../src-main/pdf/verify/index.js';
import { asn1 } from '../../src-main/pdf/verify/index.js';
import { makeTestPki } from '../fixtures/pki/make-pki.js';
import type { TestPki } from '../fixtures/pki/make-pki.js';
import { flipByte, makeNssDb, makePdf, pdfsig, runSohoa } from './helpers.js';

let dir: string;
let pki: TestPki;
let nssCaOnly: string;
let nssCaAndSigner: string;
let trustDir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sohoa-sign-p12-'));
  pki = makeTestPki(dir);
  nssCaOnly = makeNssDb(join(dir, 'nss-ca'), pki.ca.certFile);
  nssCaAndSigner = makeNssDb(join(dir, 'nss-ca-signer'), pki.ca.certFile);
  // poppler 22.12 fails "certificate validation" for the second signature by the same signer in
  // one run unless NSS already knows the signer's certificate (it also does so for files that
  // pdfsig itself signed); listing the certificate without trust flags works around that.
  execFileSync('certutil', [
    '-A',
    '-d',
    `sql:${nssCaAndSigner}`,
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
  writeFileSync(join(trustDir, 'test-root.pem'), pki.ca.certPem);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An offset inside the first stream's data: changing it keeps the file parseable. */
function insideFirstStream(bytes: Buffer): number {
  return bytes.indexOf('stream\n') + 'stream\n'.length + 5;
}

function signer() {
  return openP12Signer(readFileSync(pki.signer.p12File), pki.p12Password);
}

describe.each([
  { layout: 'classic xref table', objectStreams: false },
  { layout: 'xref stream with object streams', objectStreams: true },
])('PKCS#12 signing of a PDF with a $layout', ({ objectStreams }) => {
  it('makes one and then two signatures that pdfsig and sohoa verify accept', async () => {
    const original = await makePdf({ objectStreams });
    const once = await signPdf(original, { signer: signer(), reason: 'Sao y bản chính' });
    expect(once.bytes.subarray(0, original.length).equals(original)).toBe(true);
    const oneFile = join(dir, `one-${objectStreams}.pdf`);
    writeFileSync(oneFile, once.bytes);

    const one = pdfsig(oneFile, nssCaOnly);
    expect(one).toContain('Signature is Valid');
    expect(one).toContain('Certificate is Trusted');
    expect(one).toContain('adbe.pkcs7.detached');
    expect(one).toContain('Total document signed');

    const twice = await signPdf(once.bytes, { signer: signer(), pades: true });
    expect(twice.bytes.subarray(0, once.bytes.length).equals(once.bytes)).toBe(true);
    const twoFile = join(dir, `two-${objectStreams}.pdf`);
    writeFileSync(twoFile, twice.bytes);
    const two = pdfsig(twoFile, nssCaAndSigner);
    expect(two.match(/Signature is Valid/g)).toHaveLength(2);
    expect(two.match(/Certificate is Trusted/g)).toHaveLength(2);
    expect(two).toContain('ETSI.CAdES.detached');
    expect(execFileSync('qpdf', ['--check', twoFile], { encoding: 'utf8' })).toContain(
      'No syntax or stream encoding errors',
    );

    const report = await verifyPdf(twice.bytes, { trustDirs: [trustDir] });
    expect(report.valid).toBe(true);
    expect(report.signatures.map((s) => [s.fieldName, s.status, s.coversWholeDocument])).toEqual([
      ['Signature1', 'valid', false],
      ['Signature2', 'valid', true],
    ]);
    expect(report.signatures[0]?.reason).toBe('Sao y bản chính');
    expect(report.signatures[0]?.signer?.subject).toContain('CN=Nguyễn Văn Đặng');
    expect(report.signatures.every((s) => s.revocation === 'not-checked-offline')).toBe(true);
  });
});

describe('signature contents', () => {
  it('adbe.pkcs7.detached carries signing-time; PAdES B-B carries signing-certificate-v2 and no signing-time', async () => {
    const pdf = await makePdf();
    const time = new Date(Math.floor(Date.now() / 1000) * 1000 - 86_400_000);
    for (const pades of [false, true]) {
      const signed = await signPdf(pdf, {
        signer: signer(),
        pades,
        signingTime: time,
        utcOffsetMinutes: 420,
      });
      const doc = await PDFDocument.load(signed.bytes);
      const report = await verifyPdf(signed.bytes, { trustDirs: [trustDir] });
      const sig = report.signatures[0];
      expect(sig?.signingTime).toBe(time.toISOString());
      expect(sig?.signingTimeSource).toBe(pades ? 'signature-dictionary' : 'signed-attribute');
      const text = Buffer.from(signed.bytes).toString('latin1');
      const m = /\/M \(D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)\+07'00'\)/.exec(
        text.slice(pdf.length),
      );
      const [, y, mo, d, h, mi, sec] = (m ?? []).map(Number);
      expect(Date.UTC(y ?? 0, (mo ?? 0) - 1, d, (h ?? 0) - 7, mi, sec)).toBe(time.getTime());
      const contents = /\/Contents <([0-9A-F]+)>/.exec(text.slice(pdf.length))?.[1] ?? '';
      const cms = parseSignedData(Buffer.from(contents, 'hex'));
      expect(cms.signer.digestAlgorithm).toBe(asn1.OID.sha256);
      expect(cms.signer.signedAttributes.has(asn1.OID.signingTime)).toBe(!pades);
      expect(cms.signer.signedAttributes.has(asn1.OID.signingCertificateV2)).toBe(pades);
      // The chain goes in: the signer and the root that issued it.
      expect(cms.certificates).toHaveLength(2);
      expect(doc.getPageCount()).toBe(2);
    }
  });
});

describe('visible electronic-copy stamp', () => {
  it('puts Vietnamese text, the agency and an ISO 8601 time at the top right of page 1', async () => {
    const signed = await signPdf(await makePdf(), {
      signer: signer(),
      stamp: { agency: 'UBND phường Bến Nghé, Quận 1' },
      signingTime: new Date('2026-11-26T03:30:00Z'),
      utcOffsetMinutes: 420,
    });
    const file = join(dir, 'stamped.pdf');
    writeFileSync(file, signed.bytes);
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', file, '-'], {
      encoding: 'utf8',
    });
    expect(text).toContain('BẢN SAO ĐIỆN TỬ');
    expect(text).toContain('Cơ quan sao: UBND phường Bến Nghé, Quận 1');
    expect(text).toContain('Thời gian ký: 2026-11-26T10:30:00+07:00');
    // pdftotext -bbox gives word positions: the stamp sits in the top-right quarter of the page.
    const boxes = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-bbox', file, '-'], {
      encoding: 'utf8',
    });
    const word =
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">BẢN<\/word>/.exec(boxes);
    expect(Number(word?.[1])).toBeGreaterThan(595.28 / 2);
    expect(Number(word?.[2])).toBeLessThan(841.89 / 4);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/\+LiberationSerif\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(pdfsig(file)).toContain('Signature is Valid');
  });

  it("puts a co-signer's stamp below the first one instead of over it", async () => {
    const once = await signPdf(await makePdf(), {
      signer: signer(),
      stamp: { agency: 'Phòng Tư pháp' },
    });
    const twice = await signPdf(once.bytes, { signer: signer(), stamp: { agency: 'UBND quận 3' } });
    const file = join(dir, 'two-stamps.pdf');
    writeFileSync(file, twice.bytes);
    const boxes = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-bbox', file, '-'], {
      encoding: 'utf8',
    });
    const tops = [
      ...boxes.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">BẢN<\/word>/g),
    ].map((m) => [Number(m[1]), Number(m[2])]);
    expect(tops).toHaveLength(2);
    const [first = [0, 0], second = [0, 0]] = [...tops].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
    // Directly below: one three-line stamp (3 × 12 pt + 8 pt padding) plus the 6 pt gap lower.
    expect((second[0] ?? 0) - (first[0] ?? 0)).toBeGreaterThanOrEqual(49);
    expect((second[0] ?? 0) - (first[0] ?? 0)).toBeLessThan(60);
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Cơ quan sao: Phòng Tư pháp');
    expect(text).toContain('Cơ quan sao: UBND quận 3');
    expect(pdfsig(file).match(/Signature is Valid/g)).toHaveLength(2);
  });

  it('keeps the stamp upright on a page shown rotated by 90°', async () => {
    const signed = await signPdf(await makePdf({ rotate: 90, pages: 1 }), {
      signer: signer(),
      stamp: { agency: 'Sở Tư pháp' },
    });
    const file = join(dir, 'rotated.pdf');
    writeFileSync(file, signed.bytes);
    const boxes = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    // pdftotext reports positions on the displayed (rotated) page: 841.89 wide, 595.28 high.
    const word =
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">BẢN<\/word>/.exec(boxes);
    expect(Number(word?.[1])).toBeGreaterThan(841.89 / 2);
    expect(Number(word?.[2])).toBeLessThan(595.28 / 4);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain(
      'Cơ quan sao: Sở Tư pháp',
    );
  });
});

describe('tampering', () => {
  it('a flipped byte inside the signed range makes pdfsig and sohoa verify report invalid', async () => {
    const signed = await signPdf(await makePdf(), { signer: signer() });
    const good = join(dir, 'good.pdf');
    writeFileSync(good, signed.bytes);
    expect(runSohoa(['verify', good, '--trust-dir', trustDir]).code).toBe(0);

    const bad = join(dir, 'tampered.pdf');
    writeFileSync(bad, flipByte(signed.bytes, insideFirstStream(signed.bytes)));
    expect(pdfsig(bad, nssCaOnly)).not.toContain('Signature is Valid');
    expect(pdfsig(bad, nssCaOnly)).toMatch(/Signature is Invalid|Digest Mismatch/);
    const run = runSohoa(['verify', bad, '--trust-dir', trustDir, '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      valid: boolean;
      signatures: { status: string; intact: boolean }[];
    };
    expect(report.valid).toBe(false);
    expect(report.signatures[0]).toMatchObject({ status: 'invalid', intact: false });
  });

  it('a flipped byte in the first revision breaks both signatures; appended bytes break neither', async () => {
    const once = await signPdf(await makePdf(), { signer: signer() });
    const twice = await signPdf(once.bytes, { signer: signer() });
    // A byte of the original revision lies in both signatures' ranges: both break.
    const report = await verifyPdf(flipByte(twice.bytes, insideFirstStream(twice.bytes)), {
      trustDirs: [trustDir],
    });
    expect(report.signatures.map((s) => s.intact)).toEqual([false, false]);
    // Appending bytes after the last signature leaves the first valid, the second uncovering.
    const extended = Buffer.concat([twice.bytes, Buffer.from('\n% appended\n')]);
    const after = await verifyPdf(extended, { trustDirs: [trustDir] });
    expect(after.signatures.map((s) => [s.intact, s.coversWholeDocument])).toEqual([
      [true, false],
      [true, false],
    ]);
  });
});
