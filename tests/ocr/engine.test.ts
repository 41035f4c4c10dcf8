import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/domain/index.js';
import { OcrEngine, pageLines, pageWords, parseLanguages } from '../../src-main/ocr/index.js';
import { WorkerPool } from '../../src-main/ocr/engine/worker-pool.js';
import { locateTessdata, tessdataFile } from '../../src-main/ocr/engine/tessdata.js';
import { cer, textImage } from './support.js';

const dataDir = mkdtempSync(join(tmpdir(), 'sohoa-ocr-engine-'));
const LINES = [
  'Kính gửi: Ủy ban nhân dân phường Bến Nghé, Quận 1.',
  'Họ và tên: Nguyễn Văn Đặng, số điện thoại 0903 123 456.',
  'Tôi xin cam đoan những nội dung khai trên là đúng sự thật.',
];
let engine: OcrEngine;
let image: Buffer;

beforeAll(async () => {
  [engine, image] = await Promise.all([OcrEngine.start({ dataDir, workers: 2 }), textImage(LINES)]);
});
afterAll(async () => {
  await engine.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The page as the binary PGM tesseract.js reads without decoding a format. */
async function pgmOf(png: Buffer): Promise<Buffer> {
  const grey = await sharp(png).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  const header = Buffer.from(`P5\n${grey.info.width} ${grey.info.height}\n255\n`);
  return Buffer.concat([header, grey.data]);
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('OcrEngine', () => {
  it('reads a clean 300-dpi Vietnamese page into NFC text with words, lines and blocks', async () => {
    const page = await engine.recognize(image);
    expect(cer(page.text, LINES.join('\n'))).toBeLessThanOrEqual(0.02);
    expect(page.text).toBe(page.text.normalize('NFC'));
    expect(page.languages).toEqual(['vie', 'eng']);
    expect(page).toMatchObject({
      dpi: 300,
      dpiSource: 'image',
      review: { needed: false, reasons: [] },
    });
    expect(page.confidence).toBeGreaterThan(0.8);
    const lines = pageLines(page);
    expect(lines).toHaveLength(3);
    // lines come top to bottom, and each line's words left to right inside the line's box
    for (const [i, line] of lines.entries()) {
      if (i > 0) expect(line.box.y0).toBeGreaterThan(lines[i - 1]?.box.y1 ?? 0);
      expect(line.text).toBe(line.words.map((w) => w.text).join(' '));
      for (const [j, w] of line.words.entries()) {
        expect(w.box.x0).toBeGreaterThanOrEqual(line.box.x0);
        expect(w.box.x1).toBeLessThanOrEqual(line.box.x1);
        if (j > 0) expect(w.box.x0).toBeGreaterThan(line.words[j - 1]?.box.x1 ?? 0);
        expect(w.confidence).toBeGreaterThan(0);
        expect(w.confidence).toBeLessThanOrEqual(1);
      }
    }
    // the first word sits where the typesetter put it: 8 mm from the left edge at 300 dpi
    const first = pageWords(page)[0];
    expect(first?.text).toBe('Kính');
    expect(Math.abs((first?.box.x0 ?? 0) - (8 / 25.4) * 300)).toBeLessThan(6);
  });

  it('uses the resolution it is told over the file, and assumes 300 dpi when nobody knows', async () => {
    const pixels = await sharp(image).raw().toBuffer({ resolveWithObject: true });
    const bare = await sharp(pixels.data, { raw: pixels.info }).png().toBuffer(); // no pHYs chunk
    expect((await sharp(bare).metadata()).density).toBeUndefined();
    const [told, assumed] = await Promise.all([
      engine.recognize(image, { dpi: 600 }),
      engine.recognize(bare),
    ]);
    expect(told).toMatchObject({ dpi: 600, dpiSource: 'caller' });
    expect(assumed).toMatchObject({ dpi: 300, dpiSource: 'assumed' });
  });

  it('accepts raw pixels', async () => {
    const { data, info } = await sharp(image)
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(1);
    const page = await engine.recognize({
      data,
      width: info.width,
      height: info.height,
      channels: 1,
      dpi: 300,
    });
    expect(cer(page.text, LINES.join('\n'))).toBeLessThanOrEqual(0.02);
    expect(page.dpiSource).toBe('image');
  });

  it('flags a page without text, and a page below the confidence threshold, for review', async () => {
    const blank = await sharp({
      create: { width: 800, height: 600, channels: 3, background: '#fafafa' },
    })
      .png()
      .toBuffer();
    expect((await engine.recognize(blank)).review).toEqual({
      needed: true,
      reasons: ['no-text'],
      threshold: 0.75,
    });
    const strict = await OcrEngine.start({ dataDir, workers: 1, reviewThreshold: 0.999 });
    try {
      const page = await strict.recognize(image);
      expect(page.review).toEqual({ needed: true, reasons: ['low-confidence'], threshold: 0.999 });
    } finally {
      await strict.close();
    }
  });

  it('answers bad input with a bilingual VALIDATION error', async () => {
    const corrupt = await rejection(
      engine.recognize(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])),
    );
    expect(corrupt.code).toBe('VALIDATION');
    expect(corrupt.messageVi).toContain('Không đọc được ảnh');
    expect((await rejection(engine.recognize(image, { dpi: 10 }))).code).toBe('VALIDATION');
    expect((await rejection(OcrEngine.start({ dataDir, languages: 'vie+fra' }))).message).toContain(
      'vie+fra',
    );
    expect((await rejection(OcrEngine.start({ dataDir, workers: 0 }))).code).toBe('VALIDATION');
    expect(() => parseLanguages('vie+vie')).toThrow(AppError);
  });

  it('shares its workers between concurrent pages and refuses work once closed', async () => {
    const closing = await OcrEngine.start({ dataDir, languages: 'vie', workers: 1 });
    const pages = await Promise.all([
      closing.recognize(image),
      closing.recognize(image),
      closing.recognize(image),
    ]);
    expect(new Set(pages.map((p) => p.text)).size).toBe(1);
    await closing.close();
    expect((await rejection(closing.recognize(image))).code).toBe('CANCELLED');
  });
});

describe('language data', () => {
  it('every worker of a pool started together on a fresh data folder reads Vietnamese', async () => {
    // tesseract.js's own cache let a second worker read a half-written vie model, which tesseract
    // dropped without an error: that worker recognised with eng alone, without diacritics.
    const fresh = mkdtempSync(join(tmpdir(), 'sohoa-ocr-fresh-'));
    try {
      const workers = 3;
      const started = await OcrEngine.start({ dataDir: fresh, workers });
      try {
        const pages = await Promise.all(
          Array.from({ length: workers }, () => started.recognize(image)),
        );
        for (const page of pages) {
          expect(page.text).toContain('Bến Nghé');
          expect(page.text).toContain('Nguyễn Văn Đặng');
        }
      } finally {
        await started.close();
      }
      const { langPath } = locateTessdata(['vie', 'eng'], fresh);
      expect(readdirSync(langPath).sort()).toEqual(['eng.traineddata', 'vie.traineddata']);
      const unpacked = statSync(join(langPath, 'vie.traineddata'));
      expect(unpacked.size).toBeGreaterThan(readFileSync(tessdataFile('vie')).length);
      // unpacked once: a later start reads the same file
      locateTessdata(['vie'], fresh);
      expect(statSync(join(langPath, 'vie.traineddata')).mtimeMs).toBe(unpacked.mtimeMs);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});

describe('WorkerPool', () => {
  it('replaces each worker with a fresh one after its share of pages, losing none', async () => {
    const pool = await WorkerPool.start({
      size: 1,
      languages: ['vie'],
      tessdata: locateTessdata(['vie'], dataDir),
      recycleAfter: 2,
    });
    try {
      const pgm = await pgmOf(image);
      const threads: number[] = [];
      for (let page = 0; page < 5; page++) {
        const text = await pool.run(async (worker) => {
          threads.push((worker as unknown as { worker: { threadId: number } }).worker.threadId);
          return (await worker.recognize(pgm)).data.text;
        });
        expect(text).toContain('Bến Nghé');
      }
      const [a, , b, , c] = threads;
      expect(threads).toEqual([a, a, b, b, c]);
      expect(new Set([a, b, c]).size).toBe(3);
    } finally {
      await pool.close();
    }
  });

  it('keeps no finished job result alive, so a worker can serve thousands of pages', async () => {
    // A full collection on demand, so the test can see what is still reachable.
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const pool = await WorkerPool.start({
      size: 1,
      languages: ['vie'],
      tessdata: locateTessdata(['vie'], dataDir),
    });
    try {
      // In a function of its own, so no frame of this test still holds the last result.
      const runPages = async () => {
        const refs: Array<WeakRef<object>> = [];
        for (let page = 0; page < 20; page++) {
          const words = await pool.run(async () => ({
            words: Array.from({ length: 1000 }, String),
          }));
          refs.push(new WeakRef(words));
        }
        return refs;
      };
      const results = await runPages();
      await new Promise((resolve) => setImmediate(resolve)); // WeakRefs hold until the turn ends
      collect();
      expect(results.filter((r) => r.deref() !== undefined)).toHaveLength(0);
    } finally {
      await pool.close();
    }
  });

  it('fails a page it is reading when closed, instead of leaving it waiting forever', async () => {
    const pool = await WorkerPool.start({
      size: 1,
      languages: ['vie'],
      tessdata: locateTessdata(['vie'], dataDir),
    });
    const pgm = await pgmOf(image);
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const reading = rejection(
      pool.run((worker) => {
        started();
        return worker.recognize(pgm);
      }),
    );
    const queued = rejection(pool.run((worker) => worker.recognize(pgm)));
    // closed while the page is still on its way to the worker: no unhandled rejection either
    await running;
    await pool.close();
    expect((await reading).code).toBe('CANCELLED');
    expect((await queued).code).toBe('CANCELLED');
  });

  it('fails the job on a worker thread that dies and carries on with a fresh worker', async () => {
    const pool = await WorkerPool.start({
      size: 1,
      languages: ['vie'],
      tessdata: locateTessdata(['vie'], dataDir),
    });
    try {
      const died = await rejection(
        pool.run(async (worker) => {
          await (
            worker as unknown as { worker: { terminate(): Promise<number> } }
          ).worker.terminate();
          return new Promise<never>(() => undefined);
        }),
      );
      expect(died.code).toBe('INTERNAL');
      const pgm = await pgmOf(image);
      const result = await pool.run((worker) => worker.recognize(pgm));
      expect(result.data.text).toContain('Bến Nghé');
    } finally {
      await pool.close();
    }
  });
});
