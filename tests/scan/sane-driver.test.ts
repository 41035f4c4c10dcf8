/**
 * The SANE driver end to end through the scanner host and the real libsane `test` device:
 * option handling, page formats, typed errors, cancel, and a host killed mid-scan.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/domain/index.js';
import { configSchema } from '../../src-main/platform/index.js';
import {
  OutDirDestination,
  ScanService,
  type PageAcquired,
  type ScanJobOptions,
  type ScanRequestInput,
} from '../../src-main/scan/index.js';
import { tempDir, useSaneTestDevice } from './sane-test-device.js';
import { pngSamples, scanimage } from './scanimage.js';

useSaneTestDevice();
const dataDir = tempDir('scan-data');
const scanner = configSchema.parse({}).scanner;
let service: ScanService;

beforeAll(() => {
  service = new ScanService(dataDir, () => scanner);
});
afterAll(async () => {
  await service.close();
});

async function scanInto(
  request: Partial<ScanRequestInput>,
  extra: Pick<ScanJobOptions, 'signal' | 'onProgress'> = {},
) {
  const out = tempDir('scan-out');
  const events: PageAcquired[] = [];
  const run = service.scan(
    { device: 'test:0', source: 'flatbed', dpi: 50, pageSize: 'max', ...request },
    new OutDirDestination(out),
    {
      ...extra,
      onPageAcquired: (e) => events.push(e),
    },
  );
  return { out, events, run };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('SANE driver with the test device', () => {
  it('lists test:0 and reads its capabilities', async () => {
    const devices = await service.devices();
    expect(devices.map((d) => d.id)).toContain('test:0');
    const caps = await service.capabilities('test:0');
    expect(caps.sources).toEqual(expect.arrayContaining(['flatbed', 'adf']));
    expect(caps.modes).toEqual(expect.arrayContaining(['color', 'gray', 'lineart']));
    expect(caps.depths).toEqual([1, 8, 16]);
    expect(caps.maxArea).toEqual({ widthMm: 200, heightMm: 200 });
  });

  it('scans the ADF until it is empty: exactly 10 pages, in order, with thumbnails', async () => {
    const { out, events, run } = await scanInto({ source: 'adf', mode: 'gray' });
    const { result, pages } = await run;
    expect(result).toEqual({ pages: 10, feederEmpty: true });
    expect(pages.map((p) => p.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(readdirSync(out).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `page-${String(i + 1).padStart(4, '0')}.png`),
    );
    expect(events[0]?.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    expect(events[0]?.dpi).toBe(50);
  });

  it('sets resolution and scan area like scanimage does (A5 at 100 dpi)', async () => {
    const { out, events, run } = await scanInto({ dpi: 100, pageSize: 'A5', mode: 'color' });
    await run;
    const oracle = scanimage([
      '--mode',
      'Color',
      '--resolution',
      '100',
      '-l',
      '0',
      '-t',
      '0',
      '-x',
      '148',
      '-y',
      '210',
    ]);
    expect(events[0]).toMatchObject({ width: oracle.width, height: oracle.height, dpi: 100 });
    expect(Math.abs(oracle.width - (148 / 25.4) * 100)).toBeLessThan(1.5);
    expect((await pngSamples(join(out, 'page-0001.png'))).data.equals(oracle.data)).toBe(true);
  });

  // Each mode against scanimage reading the same device with the same settings.
  const full = ['--resolution', '50', '-l', '0', '-t', '0', '-x', '200', '-y', '200'];
  it.each<[string, Partial<ScanRequestInput>, string[], number?]>([
    [
      '1-bit lineart (grid)',
      { mode: 'lineart', deviceOptions: { 'test-picture': 'Grid' } },
      ['--mode', 'Gray', '--depth', '1', '--test-picture', 'Grid'],
    ],
    [
      '16-bit colour',
      { mode: 'color', depth: 16, deviceOptions: { 'test-picture': 'Color pattern' } },
      ['--mode', 'Color', '--depth', '16', '--test-picture', 'Color pattern'],
    ],
    [
      '16-bit gray',
      { mode: 'gray', depth: 16, deviceOptions: { 'test-picture': 'Color pattern' } },
      ['--mode', 'Gray', '--depth', '16', '--test-picture', 'Color pattern'],
    ],
    [
      'three-pass colour',
      {
        mode: 'color',
        deviceOptions: {
          'test-picture': 'Color pattern',
          'three-pass': true,
          'three-pass-order': 'GBR',
        },
      },
      ['--mode', 'Color', '--test-picture', 'Color pattern'],
    ],
    [
      'hand scanner (unknown height)',
      { mode: 'gray', deviceOptions: { 'hand-scanner': true, 'test-picture': 'Grid' } },
      ['--mode', 'Gray', '--hand-scanner=yes', '--test-picture', 'Grid'],
    ],
    // scanimage writes the padding at line ends into its PNM; the oracle drops it (393 px lines).
    [
      'padded lines (ppl-loss)',
      { mode: 'color', deviceOptions: { 'ppl-loss': 7, 'test-picture': 'Color pattern' } },
      ['--mode', 'Color', '--ppl-loss', '7', '--test-picture', 'Color pattern'],
      393,
    ],
  ])('gives the same image as scanimage: %s', async (_name, request, args, paddedWidth) => {
    const { out, run } = await scanInto(request);
    await run;
    const ours = await pngSamples(join(out, 'page-0001.png'));
    const oracle = scanimage([...full, ...args], paddedWidth);
    expect({ w: ours.width, h: ours.height, c: ours.channels, bits: ours.bits }).toEqual({
      w: oracle.width,
      h: oracle.height,
      c: oracle.channels,
      bits: oracle.bits,
    });
    expect(ours.data.equals(oracle.data)).toBe(true);
  });

  it.each([
    ['SANE_STATUS_JAMMED', 'SCAN_JAMMED'],
    ['SANE_STATUS_NO_DOCS', 'SCAN_NO_DOCS'],
    ['SANE_STATUS_COVER_OPEN', 'SCAN_COVER_OPEN'],
    ['SANE_STATUS_DEVICE_BUSY', 'SCAN_DEVICE_BUSY'],
    ['SANE_STATUS_IO_ERROR', 'SCAN_IO_ERROR'],
    ['SANE_STATUS_ACCESS_DENIED', 'SCAN_ACCESS_DENIED'],
  ])('maps %s on a flatbed to %s with a Vietnamese message', async (status, code) => {
    const { out, run } = await scanInto({ deviceOptions: { 'read-return-value': status } });
    const error = await failure(run);
    expect(error.code).toBe(code);
    expect(error.localized('vi')).not.toBe(error.localized('en'));
    expect(error.localized('vi')).toMatch(/[^\x20-\x7e]/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('says "no paper" when the feeder is empty at the start', async () => {
    const { run } = await scanInto({
      source: 'adf',
      deviceOptions: { 'read-return-value': 'SANE_STATUS_NO_DOCS' },
    });
    const error = await failure(run);
    expect(error.code).toBe('SCAN_NO_PAPER');
    expect(error.localized('vi')).toContain('chưa có giấy');
    expect(error.localized('en')).toContain('no paper');
  });

  it('rejects a source the device lacks and an unknown device, naming what exists', async () => {
    const missing = await failure((await scanInto({ device: 'test:9' })).run);
    expect(missing.code).toBe('SCAN_DEVICE_NOT_FOUND');
    expect(missing.details?.known).toContain('test:0');
    const option = await failure((await scanInto({ deviceOptions: { 'no-such-option': 1 } })).run);
    expect(option.code).toBe('SCAN_UNSUPPORTED_SETTING');
  });

  it('cancels mid-page: the partial page is dropped and nothing is written', async () => {
    const abort = new AbortController();
    let bytesAtCancel = 0;
    const slow = { 'read-delay': true, 'read-delay-duration': 200000 };
    const { out, run } = await scanInto(
      { mode: 'color', dpi: 100, deviceOptions: slow },
      {
        signal: abort.signal,
        onProgress: (p) => {
          if (p.kind === 'pageProgress' && p.bytes > 0 && !abort.signal.aborted) {
            bytesAtCancel = p.bytes;
            abort.abort();
          }
        },
      },
    );
    const error = await failure(run);
    expect(error.code).toBe('CANCELLED');
    expect(bytesAtCancel).toBeGreaterThan(0);
    expect(bytesAtCancel).toBeLessThan(787 * 787 * 3);
    expect(readdirSync(out)).toEqual([]);
    // the device is usable again right away, without the slow options
    const again = await scanInto({});
    expect((await again.run).result.pages).toBe(1);
  });
});
