import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../src-main/api/index.js';
import type { RunningHttpServer } from '../../src-main/api/index.js';
import { createCore } from '../../src-main/core/index.js';
import type { Core } from '../../src-main/core/index.js';
import { cer, textImage } from './support.js';
import { callApi, type ApiAnswer } from '../api/call.js';

const TOKEN = 'ocr-api-test-token';
const LINES = ['Chủ hồ sơ: Phạm Minh Tuấn', 'Số CCCD: 001203004567'];
let dir: string;
let core: Core;
let server: RunningHttpServer;
let page: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sohoa-ocr-api-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>SoHoa</title>');
  core = createCore({
    dataDir: join(dir, 'data'),
    env: { SOHOA_MACHINE_CONFIG: join(dir, 'machine.json') },
  });
  server = await startHttpServer({ core, token: TOKEN, port: 0, rendererDir });
  page = join(dir, 'page.jpg');
  writeFileSync(
    page,
    await sharp(await textImage(LINES))
      .toColourspace('b-w')
      .jpeg({ quality: 90 })
      .withDensity(300)
      .toBuffer(),
  );
});

afterAll(async () => {
  await server.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (method: string, input: unknown): Promise<ApiAnswer> =>
  callApi(server.url, TOKEN, method, input);

describe('OCR and PDF over the API', () => {
  it('ocr.recognize returns text, words and fields; pdf.assemble writes a searchable PDF with the warm engine', async () => {
    const ocr = await call('ocr.recognize', { path: page, raw: true });
    expect(ocr.status).toBe(200);
    const result = ocr.body.result as {
      text: string;
      words: unknown[];
      fields: Array<{ kind: string; value: string }>;
    };
    expect(cer(result.text, LINES.join('\n'))).toBeLessThanOrEqual(0.02);
    expect(result.words.length).toBeGreaterThan(5);
    expect(result.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'name', value: 'Phạm Minh Tuấn' }),
        expect.objectContaining({ kind: 'cccd', value: '001203004567' }),
      ]),
    );

    const out = join(dir, 'component.pdf');
    const pdf = await call('pdf.assemble', {
      images: [page],
      out,
      ocr: true,
      title: 'Tờ khai',
      MaTTHC: '1.001234',
    });
    expect(pdf.status).toBe(200);
    expect(pdf.body.result).toMatchObject({
      out,
      pages: [{ encoding: 'DCT', dpi: 300 }],
      warnings: [],
    });
    expect(existsSync(out)).toBe(true);
  });

  it('rejects bad input before any work, with the reason in both languages', async () => {
    const unknownKey = await call('ocr.recognize', { path: page, language: 'vie' });
    expect(unknownKey.status).toBe(400);
    const lang = await call('ocr.recognize', { path: page, lang: 'klingon' });
    expect(lang.status).toBe(400);
    expect((lang.body.error as { messageVi: string }).messageVi).toContain(
      'Ngôn ngữ OCR không hợp lệ',
    );
    const missing = await call('ocr.recognize', { path: join(dir, 'nope.png') });
    expect(missing.status).toBe(404);
    const clash = await call('pdf.assemble', {
      images: [page],
      out: join(dir, 'component.pdf'),
      title: 'x',
    });
    expect(clash.status).toBe(409);
  });
});
