/**
 * `sohoa doctor --json` as IT staff run it: every check reported on a fresh station with the SANE
 * test device; missing OCR data or a damaged database named and exit 1.
 */
import {
  closeSync,
  cpSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../src-main/domain/index.js';
import { openStore } from '../../src-main/store/index.js';
import { runCli } from '../cli/run-cli.js';
import { tempDir, useSaneTestDevice } from '../scan/sane-test-device.js';

const root = tempDir('doctor');
const saneDir = useSaneTestDevice();
afterAll(() => rmSync(root, { recursive: true, force: true }));

const CHECKS = [
  'store.integrity',
  'store.references',
  'store.blobs',
  'store.audit',
  'config.valid',
  'disk.free',
  'scanner.devices',
  'scan.spool',
  'imaging.kernels',
  'ocr.tessdata',
  'gateway.connection',
  'signing.certificate',
  'update.channel',
];

async function doctor(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; report: DoctorReport; stderr: string }> {
  const result = await runCli(['doctor', '--json', '--data-dir', dataDir], {
    SANE_CONFIG_DIR: saneDir,
    SOHOA_MACHINE_CONFIG: join(root, 'no-machine-config.json'),
    ...env,
  });
  return {
    code: result.code,
    report: JSON.parse(result.stdout) as DoctorReport,
    stderr: result.stderr,
  };
}

const byId = (report: DoctorReport, id: string) => report.checks.find((c) => c.id === id);

describe('sohoa doctor --json', () => {
  it('reports each check on a fresh data dir; tessdata removed, kernels damaged or database corrupted fail with exit 1', async () => {
    // Resources without tessdata: everything else (catalog, fonts) still there.
    const resources = join(root, 'resources-without-tessdata');
    cpSync(join(import.meta.dirname, '../../resources'), resources, {
      recursive: true,
      filter: (src) => !src.includes('tessdata'),
    });
    // A real store whose pages after the first were overwritten on disk.
    const corrupt = join(root, 'corrupt');
    (await openStore(corrupt)).close();
    const db = join(corrupt, 'sohoa.db');
    const fd = openSync(db, 'r+');
    writeSync(fd, Buffer.alloc(statSync(db).size - 4096, 0x5a), 0, undefined, 4096);
    closeSync(fd);

    // The imaging kernels cut short, as a broken copy would leave them.
    const kernels = readFileSync(
      join(import.meta.dirname, '../../native/kernels/build/kernels.wasm'),
    );
    const truncated = join(root, 'truncated-kernels.wasm');
    writeFileSync(truncated, kernels.subarray(0, kernels.length >> 1));

    const [fresh, noTessdata, damaged, noKernels] = await Promise.all([
      doctor(join(root, 'fresh')),
      doctor(join(root, 'no-tessdata'), { SOHOA_RESOURCES_DIR: resources }),
      doctor(corrupt),
      doctor(join(root, 'no-kernels'), { SOHOA_KERNELS_WASM: truncated }),
    ]);

    expect(fresh.code).toBe(0);
    expect(fresh.report.checks.map((c) => c.id)).toEqual(CHECKS);
    for (const c of fresh.report.checks) {
      expect(['ok', 'warn']).toContain(c.status);
      expect(c.message.vi.length).toBeGreaterThan(0);
      expect(c.message.en.length).toBeGreaterThan(0);
      if (c.status !== 'ok') expect(c.fix?.en).toBeTruthy();
    }
    expect(byId(fresh.report, 'scanner.devices')?.message.en).toMatch(/test:0/);
    expect(byId(fresh.report, 'ocr.tessdata')?.status).toBe('ok');
    expect(byId(fresh.report, 'imaging.kernels')?.status).toBe('ok');
    expect(byId(fresh.report, 'gateway.connection')?.status).toBe('warn');

    expect(noTessdata.code).toBe(1);
    expect(noTessdata.report.status).toBe('fail');
    const ocr = byId(noTessdata.report, 'ocr.tessdata');
    expect(ocr?.status).toBe('fail');
    expect(ocr?.message.en).toMatch(/missing/);
    expect(ocr?.fix?.en).toMatch(/Reinstall/);
    expect(byId(noTessdata.report, 'store.integrity')?.status).toBe('ok');

    expect(damaged.code).toBe(1);
    expect(damaged.report.status).toBe('fail');
    expect(byId(damaged.report, 'store.integrity')?.status).toBe('fail');
    // The other checks still ran.
    expect(byId(damaged.report, 'ocr.tessdata')?.status).toBe('ok');

    expect(noKernels.code).toBe(1);
    const imaging = byId(noKernels.report, 'imaging.kernels');
    expect(imaging?.status).toBe('fail');
    expect(imaging?.message.en).toContain(truncated);
    expect(imaging?.message.vi).toMatch(/bị hỏng/);
    expect(imaging?.fix?.en).toMatch(/Reinstall/);
  });
});
