import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { cer, textImage } from '../ocr/support.js';
import { listImages, qpdfCheck, tool } from './tools.js';

const dir = mkdtempSync(join(tmpdir(), 'sohoa-pdf-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LINES = [
  'Giấy xác nhận thông tin về cư trú',
  'Ông (Bà): Trần Thị Lan, sinh ngày 01/02/1990.',
];

describe('sohoa pdf', () => {
  it('builds a searchable PDF/A from images, refuses to overwrite it, and rejects a bad MaHoSo', async () => {
    const page = join(dir, 'p1.jpg');
    writeFileSync(
      page,
      await sharp(await textImage(LINES))
        .toColourspace('b-w')
        .jpeg({ quality: 85 })
        .withDensity(300)
        .toBuffer(),
    );
    const out = join(dir, 'thanh-phan.pdf');
    const args = ['--data-dir', join(dir, 'data'), 'pdf', page, '--out', out, '--ocr', '--pdfa'];
    const meta = [
      '--title',
      'Giấy xác nhận cư trú',
      '--ma-ho-so',
      '000.00.06.H56-231027-0361',
      '--ma-tthc',
      '1.001234',
    ];
    const first = await runCli([...args, ...meta, '--json']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as {
      pages: Array<{ encoding: string; dpi: number; textWords: number }>;
    };
    expect(report.pages).toMatchObject([{ encoding: 'DCT', dpi: 300 }]);
    expect(report.pages[0]?.textWords).toBeGreaterThan(10);
    expect(await qpdfCheck(out)).toContain('No syntax or stream encoding errors');
    expect(await listImages(out)).toMatchObject([{ enc: 'jpeg', xppi: 300 }]);
    expect(
      cer(await tool('pdftotext', ['-enc', 'UTF-8', out, '-']), LINES.join('\n')),
    ).toBeLessThan(0.03);
    expect(await tool('pdfinfo', ['-meta', out])).toContain('<pdfaid:part>2</pdfaid:part>');

    const before = readFileSync(out);
    const again = await runCli([...args, ...meta]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('[CONFLICT]');
    expect(readFileSync(out).equals(before)).toBe(true);

    const bad = join(dir, 'bad.pdf');
    const wrong = await runCli([
      '--data-dir',
      join(dir, 'data'),
      'pdf',
      page,
      '--out',
      bad,
      '--ma-ho-so',
      'HS-1',
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('[VALIDATION]');
    expect(existsSync(bad)).toBe(false);
  });
});
