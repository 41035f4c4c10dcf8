/**
 * Cost of signing a scanned component's PDF against the parse it cannot avoid: a 100-page PDF
 * of ~45 KiB page images (about 4.5 MB), loaded with pdf-lib as the anchor, then signed with a
 * PKCS#12 key (invisible and with the stamp), and verified. Contractors sign tens of thousands
 * of such files, so signing should stay within a small multiple of reading the file.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { openP12Signer, signPdf, verifyPdf } from '../../src-main/pdf/index.js';
import { makeTestPki } from '../fixtures/pki/make-pki.js';
import type { BenchReport } from './report.js';

const PAGES = 100;
const IMAGE_BYTES = 45 * 1024;
const ROUNDS = 5;

async function scannedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < PAGES; i += 1) {
    const page = doc.addPage([595.28, 841.89]);
    // Opaque bytes stand in for the page's encoded image: signing never decodes streams.
    const image = doc.context.register(
      PDFRawStream.of(
        doc.context.obj({
          Type: 'XObject',
          Subtype: 'Image',
          Width: 1654,
          Height: 2339,
          BitsPerComponent: 1,
          ColorSpace: 'DeviceGray',
          Filter: 'CCITTFaxDecode',
        }),
        randomBytes(IMAGE_BYTES),
      ),
    );
    page.node.setXObject(PDFName.of(`Im${i}`), image);
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

async function medianMs(work: () => Promise<unknown>): Promise<number> {
  await work(); // warm-up: JIT and caches, not measured
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)] ?? 0;
}

export async function run(): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-bench-sign-'));
  try {
    const pki = makeTestPki(dir);
    const signer = openP12Signer(readFileSync(pki.signer.p12File), pki.p12Password);
    const pdf = await scannedPdf();
    const loadMs = await medianMs(() => PDFDocument.load(pdf, { updateMetadata: false }));
    const signMs = await medianMs(() => signPdf(pdf, { signer }));
    const stampMs = await medianMs(() =>
      signPdf(pdf, { signer, stamp: { agency: 'UBND phường Bến Nghé' } }),
    );
    const signed = (await signPdf(pdf, { signer })).bytes;
    const verifyMs = await medianMs(() => verifyPdf(signed));
    return {
      name: 'sign',
      setup: { pages: PAGES, bytes: pdf.length, rounds: ROUNDS, key: 'RSA 2048 (PKCS#12)' },
      figures: [
        { name: 'anchor: pdf-lib load', value: loadMs, unit: 'ms' },
        {
          name: 'sign (invisible) / load',
          value: signMs / loadMs,
          unit: 'x',
          goal: '<= 3x',
          met: signMs / loadMs <= 3,
        },
        {
          name: 'sign with stamp / load',
          value: stampMs / loadMs,
          unit: 'x',
          goal: '<= 4x',
          met: stampMs / loadMs <= 4,
        },
        {
          name: 'verify / load',
          value: verifyMs / loadMs,
          unit: 'x',
          goal: '<= 3x',
          met: verifyMs / loadMs <= 3,
        },
        { name: 'sign (invisible)', value: signMs, unit: 'ms' },
        { name: 'bytes added by one signature', value: signed.length - pdf.length, unit: 'B' },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
