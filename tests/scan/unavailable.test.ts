/**
 * Where the addon could not be built (no libsane headers at install), scanning reports
 * "unavailable" with the reason native/build.mjs recorded, instead of crashing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/domain/index.js';
import { configSchema } from '../../src-main/platform/index.js';
import { ScanService } from '../../src-main/scan/index.js';
import { tempDir } from './sane-test-device.js';

const addonDir = tempDir('no-addon');
const reason = 'libsane development headers (sane/sane.h) are not installed';
writeFileSync(join(addonDir, 'unavailable.json'), JSON.stringify({ reason }));
process.env.SOHOA_SCANNER_ADDON_DIR = addonDir;
const service = new ScanService(tempDir('no-addon-data'), () => configSchema.parse({}).scanner);

afterAll(async () => {
  delete process.env.SOHOA_SCANNER_ADDON_DIR;
  await service.close();
});

describe('scanner addon not built', () => {
  it('answers SCAN_UNAVAILABLE with the recorded reason, in Vietnamese and English', async () => {
    const error = await service.devices().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('SCAN_UNAVAILABLE');
    expect((error as AppError).localized('en')).toContain(reason);
    expect((error as AppError).localized('vi')).toContain('Không dùng được');
  });
});
