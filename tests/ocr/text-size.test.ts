import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrEngine, pageLines } from '../../src-main/ocr/index.js';
import { medianGlyphHeight } from '../../src-main/ocr/engine/text-size.js';
import { cer, textImage } from './support.js';

const LINES = [
  'Cộng hòa xã hội chủ nghĩa Việt Nam, độc lập, tự do, hạnh phúc.',
  'Họ và tên người nộp: Nguyễn Thị Hồng Nhung, số điện thoại 0912 345 678.',
];

async function grey(png: Buffer): Promise<{ data: Uint8Array; width: number; height: number }> {
  const { data, info } = await sharp(png)
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

async function glyphHeight(opts: { dpi: number; sizePt: number }): Promise<number | undefined> {
  const g = await grey(await textImage(LINES, opts));
  return medianGlyphHeight(g.data, g.width, g.height);
}

describe('medianGlyphHeight', () => {
  it('grows with point size and resolution, in proportion', async () => {
    const at300 = await glyphHeight({ dpi: 300, sizePt: 12 });
    const at200 = await glyphHeight({ dpi: 200, sizePt: 12 });
    const small = await glyphHeight({ dpi: 300, sizePt: 8 });
    const large = await glyphHeight({ dpi: 300, sizePt: 18 });
    // serif 12 pt at 300 dpi: x-height letters ≈ 22 px, with ascender letters the median sits above
    expect(at300).toBeGreaterThanOrEqual(20);
    expect(at300).toBeLessThanOrEqual(28);
    for (const [h, factor] of [
      [at200, 2 / 3],
      [small, 8 / 12],
      [large, 18 / 12],
    ] as const) {
      expect(h).toBeDefined();
      expect(Math.abs((h ?? 0) / (at300 ?? 1) - factor)).toBeLessThan(0.12);
    }
  });

  it('gives no estimate for a blank page, an inverted page, or a page of rules', async () => {
    const width = 800;
    const height = 600;
    expect(medianGlyphHeight(new Uint8Array(width * height).fill(255), width, height)).toBe(
      undefined,
    );
    const g = await grey(await textImage(LINES));
    const inverted = g.data.map((v) => 255 - v);
    expect(medianGlyphHeight(inverted, g.width, g.height)).toBe(undefined);
    const rules = new Uint8Array(width * height).fill(255);
    for (let y = 20; y < height; y += 40) rules.fill(0, y * width + 10, y * width + 790);
    expect(medianGlyphHeight(rules, width, height)).toBe(undefined);
  });
});

describe('OcrEngine on large print', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sohoa-ocr-size-'));
  let engine: OcrEngine;
  beforeAll(async () => {
    engine = await OcrEngine.start({ dataDir, workers: 1 });
  });
  afterAll(async () => {
    await engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads 16-pt text at 300 dpi (recognised scaled down) with boxes on the caller’s pixels', async () => {
    const png = await textImage(LINES, { dpi: 300, sizePt: 16 });
    const page = await engine.recognize(png);
    expect(cer(page.text, LINES.join('\n'))).toBeLessThanOrEqual(0.02);
    expect(page).toMatchObject({ dpi: 300, dpiSource: 'image' });
    const meta = await sharp(png).metadata();
    expect([page.width, page.height]).toEqual([meta.width, meta.height]);
    // textImage starts each line at x = 8 mm, the first baseline 10 mm down and the next one
    // line pitch (16 pt × 1.6 leading ≈ 9 mm) below: at 300 dpi x ≈ 94 px, baselines ≈ 118, 225 px
    const mm = 300 / 25.4;
    const lines = pageLines(page);
    expect(lines).toHaveLength(2);
    const pitch = (16 / 72) * 25.4 * 1.6;
    for (const [i, line] of lines.entries()) {
      expect(Math.abs((line.words[0]?.box.x0 ?? 0) - 8 * mm)).toBeLessThanOrEqual(6);
      expect(Math.abs(line.baseline.y0 - (10 + i * pitch) * mm)).toBeLessThanOrEqual(6);
      expect(line.box.x1).toBeLessThanOrEqual(page.width);
    }
  });
});
