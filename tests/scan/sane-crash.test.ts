/**
 * The clerk never loses a finished page: a device error part-way through a feeder batch, or the
 * scanner host killed outright, leaves every page before it landed; the next scan starts a fresh
 * host. Errors are injected through the test device (SOHOA_SCAN_INJECT_STATUS, read by the host).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/domain/index.js';
import { configSchema } from '../../src-main/platform/index.js';
import { OutDirDestination, ScanService } from '../../src-main/scan/index.js';
import { tempDir, useSaneTestDevice } from './sane-test-device.js';

useSaneTestDevice();
const scanner = configSchema.parse({}).scanner;
let service: ScanService | undefined;
let dataDir = '';

afterEach(async () => {
  delete process.env.SOHOA_SCAN_INJECT_STATUS;
  await service?.close();
  service = undefined;
});

function freshService(options: { cancelGraceMs?: number } = {}): ScanService {
  dataDir = tempDir('crash-data');
  service = new ScanService(dataDir, () => scanner, options);
  return service;
}

async function settle(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('pages survive failures mid-batch', () => {
  it.each([
    ['SANE_STATUS_JAMMED', 'SCAN_JAMMED'],
    ['SANE_STATUS_COVER_OPEN', 'SCAN_COVER_OPEN'],
    ['SANE_STATUS_DEVICE_BUSY', 'SCAN_DEVICE_BUSY'],
    ['SANE_STATUS_IO_ERROR', 'SCAN_IO_ERROR'],
    ['SANE_STATUS_ACCESS_DENIED', 'SCAN_ACCESS_DENIED'],
  ])('%s on the 4th sheet: %s, and sheets 1–3 are kept', async (status, code) => {
    process.env.SOHOA_SCAN_INJECT_STATUS = `4:${status}`;
    const out = tempDir('crash-out');
    const error = await settle(
      freshService().scan(
        { device: 'test:0', source: 'adf', dpi: 50, mode: 'gray' },
        new OutDirDestination(out),
      ),
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    expect((error as AppError).details?.pagesKept).toBe(3);
    expect(readdirSync(out).sort()).toEqual(['page-0001.png', 'page-0002.png', 'page-0003.png']);
  });

  it('NO_DOCS on the 4th sheet is the feeder running empty: 3 pages, no error', async () => {
    process.env.SOHOA_SCAN_INJECT_STATUS = '4:SANE_STATUS_NO_DOCS';
    const out = tempDir('crash-out');
    const { result } = await freshService().scan(
      { device: 'test:0', source: 'adf', dpi: 50 },
      new OutDirDestination(out),
    );
    expect(result).toEqual({ pages: 3, feederEmpty: true });
    expect(readdirSync(out)).toHaveLength(3);
  });

  it('SIGKILL of the host mid-scan keeps every finished page, and the next scan gets a fresh host', async () => {
    const svc = freshService();
    const out = tempDir('crash-out');
    let acquired = 0;
    let killedPid: number | undefined;
    const slow = { 'read-delay': true, 'read-delay-duration': 50000 };
    const error = await settle(
      svc.scan(
        { device: 'test:0', source: 'adf', dpi: 75, mode: 'color', deviceOptions: slow },
        new OutDirDestination(out),
        {
          onPageAcquired: () => {
            acquired += 1;
            if (acquired === 3) {
              void svc.driver.host.pid().then((pid) => {
                killedPid = pid;
                if (pid) process.kill(pid, 'SIGKILL');
              });
            }
          },
        },
      ),
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('SCAN_HOST_DIED');
    expect((error as AppError).localized('vi')).toContain('vẫn được giữ');
    const files = readdirSync(out).sort();
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(files.length).toBeLessThan(10);
    expect((error as AppError).details?.pagesKept).toBe(files.length);
    for (const file of files) {
      const meta = await sharp(join(out, file)).metadata();
      expect(meta.format).toBe('png');
      expect(meta.width).toBeGreaterThan(0);
    }
    // everything the host finished has landed; nothing is left waiting in the spool
    const spooled = readdirSync(join(dataDir, 'spool', 'scan'), { recursive: true }).map(String);
    expect(spooled.filter((f) => f.endsWith('.json'))).toEqual([]);

    const again = await svc.scan(
      { device: 'test:0', source: 'flatbed', dpi: 50 },
      new OutDirDestination(out),
    );
    expect(again.result.pages).toBe(1);
    const pid = await svc.driver.host.pid();
    expect(pid).toBeDefined();
    expect(pid).not.toBe(killedPid);
  });

  it('a hung driver does not hang the counter: cancel stops the host after the grace period', async () => {
    const svc = freshService({ cancelGraceMs: 1500 });
    const abort = new AbortController();
    let hungPid: number | undefined;
    const slow = { 'read-delay': true, 'read-delay-duration': 200000 };
    const run = svc.scan(
      { device: 'test:0', source: 'flatbed', dpi: 100, mode: 'color', deviceOptions: slow },
      new OutDirDestination(tempDir('crash-out')),
      {
        signal: abort.signal,
        onProgress: (p) => {
          if (p.kind !== 'pageStarted' || hungPid !== undefined) return;
          void svc.driver.host.pid().then((pid) => {
            hungPid = pid;
            if (pid) process.kill(pid, 'SIGSTOP'); // the driver stops answering, as a hung one does
            abort.abort();
          });
        },
      },
    );
    const started = Date.now();
    const error = await settle(run);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CANCELLED');
    expect((error as AppError).details?.hostStopped).toBe(true);
    expect(Date.now() - started).toBeLessThan(15_000);

    const again = await svc.scan(
      { device: 'test:0', source: 'flatbed', dpi: 50 },
      new OutDirDestination(tempDir('crash-out')),
    );
    expect(again.result.pages).toBe(1);
    expect(await svc.driver.host.pid()).not.toBe(hungPid);
  });
});
