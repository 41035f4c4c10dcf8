import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openP12Signer, signPdf, verifyPdf } from '../../src-main/pdf/index.js';
import { makeTestPki } from '../fixtures/pki/make-pki.js';
import type { TestPki } from '../fixtures/pki/make-pki.js';
import { startTestTsa } from '../fixtures/pki/tsa-server.js';
import type { TestTsa } from '../fixtures/pki/tsa-server.js';
import { makePdf, pdfsig } from './helpers.js';

let dir: string;
let pki: TestPki;
let tsa: TestTsa;
let trustDir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sohoa-tsa-'));
  pki = makeTestPki(dir);
  tsa = await startTestTsa(pki);
  trustDir = join(dir, 'trust');
  mkdirSync(trustDir);
  writeFileSync(join(trustDir, 'root.pem'), pki.ca.certPem);
});

afterAll(async () => {
  await tsa.close();
  rmSync(dir, { recursive: true, force: true });
});

function signer() {
  return openP12Signer(readFileSync(pki.signer.p12File), pki.p12Password);
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('RFC 3161 timestamps', () => {
  it('embeds a token from the configured TSA; verification uses its time and checks it', async () => {
    const before = Date.now();
    const result = await signPdf(await makePdf(), {
      signer: signer(),
      pades: true,
      timestamp: { url: tsa.url },
    });
    expect(result.timestamp).toBe('added');
    expect(tsa.requests).toBe(1);
    const file = join(dir, 'stamped.pdf');
    writeFileSync(file, result.bytes);
    expect(pdfsig(file)).toContain('Signature is Valid');

    const report = await verifyPdf(result.bytes, { trustDirs: [trustDir] });
    const sig = report.signatures[0];
    expect(sig?.status).toBe('valid');
    expect(sig?.signingTimeSource).toBe('timestamp');
    expect(sig?.timestamp).toMatchObject({
      intact: true,
      chain: 'trusted',
      tsa: expect.stringContaining('SoHoa Test TSA'),
    });
    const time = Date.parse(sig?.timestamp?.time ?? '');
    expect(time).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(time).toBeLessThanOrEqual(Date.now());
  });

  it('an unreachable TSA is skipped unless a timestamp is required', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/tsa`;
    const pdf = await makePdf();
    const result = await signPdf(pdf, { signer: signer(), timestamp: { url } });
    expect(result.timestamp).toBe('unavailable');
    const report = await verifyPdf(result.bytes, { trustDirs: [trustDir] });
    expect(report.signatures[0]).toMatchObject({ status: 'valid', timestamp: undefined });
    await expect(
      signPdf(pdf, { signer: signer(), timestamp: { url, required: true } }),
    ).rejects.toMatchObject({
      code: 'TSA_UNAVAILABLE',
    });
  });

  it('a TSA that answers garbage or an HTTP error is refused, not silently skipped', async () => {
    const server = createHttpServer((req, res) => {
      if (req.url === '/garbage')
        res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end('hello');
      else res.writeHead(503).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const pdf = await makePdf();
      await expect(
        signPdf(pdf, { signer: signer(), timestamp: { url: `${base}/garbage` } }),
      ).rejects.toMatchObject({
        code: 'TSA_FAILED',
        message: expect.stringContaining('malformed'),
      });
      await expect(
        signPdf(pdf, { signer: signer(), timestamp: { url: `${base}/down` } }),
      ).rejects.toMatchObject({
        code: 'TSA_FAILED',
        message: expect.stringContaining('HTTP 503'),
      });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
