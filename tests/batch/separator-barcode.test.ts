/**
 * Dossier codes on separator sheets and receipts in the symbologies contractors print them in
 * (QR, Data Matrix, PDF417, Code 128, Code 39), and a job separated by a mix of them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJob, dossierCodeOnPage, jobPages, runJob } from '../../src-main/core/batch/index.js';
import { openStore } from '../../src-main/store/index.js';
import { encodePage, renderPage } from '../fixtures/render.js';
import { dossierCode } from './fixture.js';
import { barcodeSheet } from './separator-sheets.js';

const FORMATS = ['QRCode', 'DataMatrix', 'PDF417', 'Code128', 'Code39'] as const;

describe('dossier codes in barcodes', () => {
  for (const [i, format] of FORMATS.entries()) {
    it(`reads a ${format} receipt at 200 and 300 dpi, slightly skewed`, async () => {
      for (const dpi of [200, 300] as const) {
        const code = dossierCode(10 + i);
        const png = await barcodeSheet(format, code, {
          dpi,
          skewDegrees: dpi === 200 ? 1.5 : -1,
          noise: 6,
          seed: i,
        });
        expect(await dossierCodeOnPage(png), `${format} ${dpi}`).toBe(code);
      }
    });
  }

  it('takes a barcode that is not a dossier code for content', async () => {
    const png = await barcodeSheet('Code128', 'HD-2025-000123', { dpi: 200, noise: 4 });
    expect(await dossierCodeOnPage(png)).toBeUndefined();
  });
});

describe('a job separated by receipts in several symbologies', () => {
  let root: string;
  const codes = [dossierCode(21), dossierCode(22), dossierCode(23)];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'sohoa-barcode-'));
    mkdirSync(join(root, 'scans'));
    const content = await encodePage(
      (await renderPage({ kind: 'short', seed: 5, dpi: 200, channels: 1 })).image,
      'png',
    );
    let n = 0;
    const put = (png: Buffer) =>
      writeFileSync(join(root, 'scans', `p${String(++n).padStart(2, '0')}.png`), png);
    put(content); // before the first receipt: review bin
    for (const [k, format] of (['Code128', 'DataMatrix', 'PDF417'] as const).entries()) {
      put(await barcodeSheet(format, codes[k] as string, { dpi: 200, noise: 5, seed: k }));
      put(content);
      put(content);
    }
  }, 240_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('opens a dossier at each receipt, filed under the code it carries', async () => {
    const store = await openStore(join(root, 'data'));
    try {
      await createJob(
        store,
        { name: 'ma-vach', source: join(root, 'scans'), MaTTHC: '1.001193' },
        { samplePercent: 0, agency: '000.00.01.H01' },
      );
      const done = await runJob(store, 'ma-vach');
      expect(done.reviewPages).toBe(1);
      expect(done.dossiers).toBe(3);
      expect(done.dossierList.slice(1).map((d) => [d.MaHoSo, d.pages])).toEqual(
        codes.map((c) => [c, 3]),
      );
      expect(jobPages(store, 'ma-vach').map((p) => p.dossier)).toEqual([
        0, 1, 1, 1, 2, 2, 2, 3, 3, 3,
      ]);
    } finally {
      store.close();
    }
  }, 240_000);
});
