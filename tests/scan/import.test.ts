/**
 * File import: every supported format lands page by page; every kind of bad file gets its own
 * clear error while the files after it still import.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  acquire,
  importFiles,
  OutDirDestination,
  parseImportRequest,
  type PageAcquired,
} from '../../src-main/scan/index.js';
import { makeImportFixtures, type ImportFixtures } from './import-fixtures.js';
import { tempDir } from './sane-test-device.js';

let fx: ImportFixtures;
beforeAll(async () => {
  fx = await makeImportFixtures(tempDir('import-fx'));
});

describe('import', () => {
  it('imports good files and reports each bad one, without stopping', async () => {
    const out = tempDir('import-out');
    const events: PageAcquired[] = [];
    const files = [
      fx.jpeg,
      fx.corruptJpeg,
      fx.empty,
      fx.png,
      fx.truncatedTiff,
      fx.tiffG4,
      fx.encryptedPdf,
      fx.huge,
      fx.pdf,
    ];
    const started = Date.now();
    const { result, pages } = await acquire(
      importFiles(parseImportRequest({ files, dpi: 100 })),
      new OutDirDestination(out),
      (e) => events.push(e),
    );
    expect(Date.now() - started).toBeLessThan(30_000);

    expect(result.files.map((f) => ('error' in f ? f.error.code : f.pages))).toEqual([
      1,
      'IMPORT_CORRUPT',
      'IMPORT_EMPTY_FILE',
      1,
      'IMPORT_CORRUPT',
      2,
      'IMPORT_ENCRYPTED',
      'IMPORT_TOO_LARGE',
      2,
    ]);
    expect(result).toMatchObject({ pages: 6, failed: 5 });
    for (const f of result.files) {
      if ('error' in f) {
        expect(f.error.localized('vi')).toContain(f.file.split('/').at(-1));
        expect(f.error.localized('vi')).not.toBe(f.error.localized('en'));
      }
    }
    const huge = result.files[7];
    expect(huge && 'error' in huge && huge.error.localized('en')).toContain('60000×60000');

    expect(pages).toHaveLength(6);
    // the JPEG is kept byte for byte (no generation loss), with its stated 200 dpi
    expect(readFileSync(join(out, 'page-0001.jpg')).equals(readFileSync(fx.jpeg))).toBe(true);
    expect(events[0]).toMatchObject({ mime: 'image/jpeg', width: 400, height: 300, dpi: 200 });
    // both G4 pages decode to the bilevel images they were made from
    for (const [n, source] of [
      [3, 'bw1.png'],
      [4, 'bw2.png'],
    ] as const) {
      const ours = await sharp(join(out, `page-000${n}.png`))
        .toColourspace('b-w')
        .raw()
        .toBuffer();
      const original = await sharp(join(fx.jpeg, '..', source))
        .toColourspace('b-w')
        .raw()
        .toBuffer();
      expect(ours.equals(original)).toBe(true);
    }
    // PDF pages rendered at the chosen 100 dpi: A4 is 827 × 1170 px
    expect(events[4]).toMatchObject({
      width: 827,
      height: 1170,
      dpi: 100,
      origin: { file: fx.pdf, page: 1 },
    });
    // page 2's blue rectangle (72..372 pt across, 72..272 pt up) is where it belongs
    const pixel = async (left: number, top: number) => [
      ...(await sharp(join(out, 'page-0006.png'))
        .extract({ left, top, width: 1, height: 1 })
        .raw()
        .toBuffer()),
    ];
    expect(await pixel(150, 850)).toEqual([25, 25, 204]); // rgb(0.1, 0.1, 0.8)
    expect(await pixel(150, 700)).toEqual([255, 255, 255]);
  });

  it('validates the request', () => {
    expect(() => parseImportRequest({ files: [] })).toThrowError(/files/);
    expect(() => parseImportRequest({ files: ['a.pdf'], dpi: 5000 })).toThrowError(/dpi/);
  });
});
