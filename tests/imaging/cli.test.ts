import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { encodePage, renderPage } from '../fixtures/render.js';

// each case renders and cleans full A4 pages; a shared CI machine can take minutes for a few
vi.setConfig({ testTimeout: 300_000 });

const run = promisify(execFile);
const bin = join(import.meta.dirname, '..', '..', 'bin', 'sohoa.js');
const dir = mkdtempSync(join(tmpdir(), 'sohoa-process-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sohoa(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...process.env, SOHOA_DATA_DIR: join(dir, 'data') },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('sohoa process', () => {
  it('cleans a skewed, upside-down scan and reports every decision as JSON', async () => {
    const page = await renderPage({
      kind: 'form',
      seed: 71,
      dpi: 200,
      orientation: 180,
      skewDegrees: 6.4,
      border: true,
      seal: true,
      noise: 3,
    });
    const input = join(dir, 'scan-0001.jpg');
    writeFileSync(input, await encodePage(page.image, 'jpeg', 90));
    const out = join(dir, 'out');
    const { code, stdout } = await sohoa('process', input, '--out', out, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Record<string, unknown> & {
      files: Record<string, string>;
    };
    expect(Math.abs((report.skewDegrees as number) - 6.4)).toBeLessThanOrEqual(0.1);
    expect(report).toMatchObject({
      orientation: 180,
      blank: false,
      colorMode: 'color',
      needsReview: false,
    });
    expect(report.blankScore).toBeLessThan(0.5);
    expect(report.ms).toBeGreaterThan(0);
    expect(report.files.output).toBe(join(out, 'scan-0001.jpg'));
    expect(statSync(report.files.output ?? '').size).toBe(report.outputBytes);
    expect(statSync(report.files.thumbnail ?? '').size).toBeGreaterThan(0);
    expect(statSync(report.files.decisions ?? '').size).toBeGreaterThan(0);
  });

  it('answers a truncated file, a missing file and a bad option with a message in Vietnamese and English', async () => {
    const page = await renderPage({ kind: 'short', seed: 72, dpi: 200 });
    const png = await encodePage(page.image, 'png');
    const cut = join(dir, 'cut.png');
    writeFileSync(cut, png.subarray(0, png.length >> 1));
    const truncated = await sohoa('process', cut, '--json');
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toContain('[IMAGE_UNREADABLE]');
    expect(truncated.stderr).toContain('Không đọc được ảnh');
    expect(truncated.stdout).toBe('');

    const missing = await sohoa('process', join(dir, 'nope.png'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('[NOT_FOUND]');

    const badMode = await sohoa('process', cut, '--color-mode', 'sepia');
    expect(badMode.code).toBe(1);
    expect(badMode.stderr).toContain('[VALIDATION]');
  });
});
