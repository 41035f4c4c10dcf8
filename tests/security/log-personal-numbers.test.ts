/**
 * The log files (read by IT staff and outside technicians, copied into support bundles) never
 * hold a citizen's CCCD, CMND or phone number, though error messages quote them for the clerk:
 * the file logger masks them in every line, and the lines stay valid JSON with their sizes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseIdentityNumber } from '../../src-main/domain/index.js';
import { createFileLogger } from '../../src-main/platform/index.js';
import { sandbox, type Sandbox } from './keys-fixtures.js';

let box: Sandbox;
afterEach(() => box.remove());

function failure(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('personal numbers in the log', () => {
  it('are masked in messages, errors and fields; sizes and codes are kept', async () => {
    box = sandbox('sohoa-log-mask-');
    const log = await createFileLogger({
      dataDir: box.dataDir,
      level: 'trace',
      maxFileSizeMb: 10,
      keepFiles: 2,
    });
    try {
      // An invalid CCCD as the clerk typed it: the error names it so they can see the typo.
      const err = failure(() => parseIdentityNumber('999203001234'));
      expect(String(err)).toContain('999203001234');
      log.logger.warn({ err, method: 'dossier.create' }, 'call failed');
      log.logger.info(
        { applicant: { SoDinhDanh: '123456789', SoDienThoai: '0903123456' }, size: 123456789 },
        'Hồ sơ 000.00.06.H56-261126-0001: gọi lại số 0903123456.',
      );
    } finally {
      await log.close();
    }

    const text = readdirSync(log.dir)
      .filter((f) => f.endsWith('.log'))
      .map((f) => readFileSync(join(log.dir, f), 'utf8'))
      .join('');
    expect(text).toContain('dossier.create');
    for (const number of ['999203001234', '123456789"', '0903123456'])
      expect(text).not.toContain(number);
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const [warned, info] = lines as [
      { err: { message: string; code: string } },
      { msg: string; size: number; applicant: { SoDinhDanh: string } },
    ];
    expect(warned.err.code).toBe('VALIDATION');
    expect(warned.err.message).toContain('[redacted]');
    expect(info.size).toBe(123456789);
    expect(info.applicant.SoDinhDanh).toBe('[redacted]');
    expect(info.msg).toBe('Hồ sơ 000.00.06.H56-261126-0001: gọi lại số [redacted].');
  });
});
