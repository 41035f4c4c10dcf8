import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodePage, renderPage } from '../fixtures/render.js';
import { runCli } from '../cli/run-cli.js';
import { cer } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'sohoa-ocr-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sohoa ocr', () => {
  it('straightens a skewed, sideways form scan and prints text, confidence, words and fields as JSON', async () => {
    const { image, truth } = await renderPage({
      kind: 'form',
      seed: 21,
      dpi: 300,
      skewDegrees: 3.2,
      orientation: 90,
      border: true,
      noise: 3,
      specks: 10,
    });
    const file = join(dir, 'form.jpg');
    writeFileSync(file, await encodePage(image, 'jpeg', 88));
    const out = await runCli(['--data-dir', join(dir, 'data'), 'ocr', file, '--json']);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const result = JSON.parse(out.stdout) as {
      text: string;
      confidence: number;
      words: Array<{ text: string; box: { x0: number } }>;
      fields: Array<{ kind: string; value: string }>;
      cleanup: { orientation: number; skewDegrees: number };
    };
    expect(result.cleanup.orientation).toBe(90);
    expect(Math.abs(result.cleanup.skewDegrees - 3.2)).toBeLessThan(0.3);
    // reading order of the two-column letterhead differs from the typesetter's; the body must be right
    expect(cer(result.text, truth.text)).toBeLessThan(0.12);
    expect(result.confidence).toBeGreaterThan(0.75);
    expect(result.words.length).toBeGreaterThan(50);
    const value = (kind: string): string[] =>
      result.fields.filter((f) => f.kind === kind).map((f) => f.value);
    expect(value('cccd')).toContain(truth.fields?.cccd);
    expect(value('dossierCode')).toContain(truth.fields?.dossierCode);
  });

  it('answers a bad resolution or a missing file with a bilingual error and exit code 1', async () => {
    const dpi = await runCli([
      '--data-dir',
      join(dir, 'data'),
      'ocr',
      join(dir, 'form.jpg'),
      '--raw',
      '--dpi',
      '12',
    ]);
    expect(dpi.code).toBe(1);
    expect(dpi.stderr).toContain('[VALIDATION]');
    expect(dpi.stderr).toContain('dpi');
    const missing = await runCli([
      '--data-dir',
      join(dir, 'data'),
      'ocr',
      join(dir, 'nope.png'),
      '--raw',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('[NOT_FOUND]');
    expect(missing.stderr).toContain('Không mở được tệp ảnh');
  });
});
