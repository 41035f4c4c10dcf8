import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileLogger } from '../../src-main/platform/index.js';

const root = mkdtempSync(join(tmpdir(), 'sohoa-log-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

describe('file log', () => {
  it('writes JSON lines with the error stack and without tokens', async () => {
    const dataDir = join(root, 'a');
    const log = await createFileLogger({ dataDir, level: 'info', maxFileSizeMb: 10, keepFiles: 3 });
    log.logger.info({ token: 's3cret', headers: { cookie: 'sohoa_token=s3cret' } }, 'started');
    log.logger.debug('not at info level');
    log.logger.error({ err: new Error('disk full') }, 'write failed');
    await log.close();
    const text = readFileSync(join(dataDir, 'logs', 'current.log'), 'utf8');
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => l.msg)).toEqual(['started', 'write failed']);
    expect(text).not.toContain('s3cret');
    expect((lines[1]?.err as { stack: string }).stack).toContain('Error: disk full');
  });

  it('rotates by size and keeps only the configured number of old files, across restarts', async () => {
    const dataDir = join(root, 'b');
    // a file left by an earlier run must be pruned too
    const earlier = await createFileLogger({
      dataDir,
      level: 'info',
      maxFileSizeMb: 1,
      keepFiles: 1,
    });
    earlier.logger.info('earlier run');
    await earlier.close();
    const log = await createFileLogger({ dataDir, level: 'info', maxFileSizeMb: 1, keepFiles: 1 });
    const filler = 'x'.repeat(8 * 1024);
    for (let i = 0; i < 400; i++) {
      log.logger.info({ i, filler }, 'filler');
      if (i % 10 === 0) await tick(); // let the stream drain so the roll can happen
    }
    for (let wait = 0; wait < 10; wait++) await tick(); // the last roll waits for a drain
    await log.close();
    // Old files are pruned asynchronously after each roll.
    const logFiles = (): string[] =>
      readdirSync(join(dataDir, 'logs')).filter((f) => /^sohoa\.\d+\.log$/.test(f));
    for (let wait = 0; wait < 100 && logFiles().length > 2; wait++) await tick();
    const files = logFiles();
    // 400 × ~8 KB ≈ 3.2 MB in 1 MB files: rolled at least twice, one old file kept beside the live one.
    expect(files.length).toBe(2);
    const numbers = files.map((f) => Number(f.split('.')[1])).sort((a, b) => a - b);
    expect(numbers[1]).toBeGreaterThanOrEqual(3);
  });
});
