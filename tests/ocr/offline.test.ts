import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { cer, textImage } from './support.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'sohoa-ocr-offline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('OCR without a network', () => {
  it('recognises Vietnamese with every outgoing connection refused, from shipped data, caching in the data dir', async () => {
    const line = 'Ủy ban nhân dân phường Bến Nghé tiếp nhận hồ sơ';
    const image = join(dir, 'line.png');
    writeFileSync(image, await textImage([line]));
    const log = join(dir, 'net.log');
    const dataDir = join(dir, 'data');
    const { stdout } = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        './tests/ocr/deny-network.mjs',
        './tests/ocr/offline-child.ts',
        dataDir,
        image,
      ],
      { env: { ...process.env, SOHOA_NET_LOG: log }, timeout: 120_000 },
    );
    const out = JSON.parse(stdout) as { guard: string; text: string };
    expect(out.guard).toContain('network access refused');
    expect(cer(out.text, line)).toBeLessThanOrEqual(0.02);
    const entries = readFileSync(log, 'utf8').trim().split('\n');
    // the main thread and the recogniser's worker thread were both guarded…
    const guarded = entries.filter((e) => e.startsWith('guarded'));
    expect(guarded).toContain('guarded thread 0');
    expect(guarded.filter((e) => e !== 'guarded thread 0').length).toBeGreaterThanOrEqual(1);
    // …and the only refused attempt is the child's own probe
    expect(entries.filter((e) => e.startsWith('refused'))).toEqual(['refused fetch in thread 0']);
    const cacheRoot = join(dataDir, 'cache', 'tessdata');
    expect(existsSync(cacheRoot)).toBe(true);
    const [version] = readdirSync(cacheRoot);
    expect(existsSync(join(cacheRoot, version ?? '', 'vie.traineddata'))).toBe(true);
    expect(existsSync(join(cacheRoot, version ?? '', 'eng.traineddata'))).toBe(true);
  });
});
