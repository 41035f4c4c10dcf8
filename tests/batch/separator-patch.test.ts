/**
 * Patch-code separator sheets: the reader on sheets drawn to the Kodak geometry (every type, 200
 * and 300 dpi, skewed ±5°, noise and specks, end-fed), pages that must not read as a patch
 * (prose, forms, ruled tables, a barcode, a blank page), and jobs split by them: which patches
 * open a dossier and which a component is the job's choice; sheets are kept, flagged, never
 * content; pages before the first dossier patch go to the review bin.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJob, jobPages, runJob } from '../../src-main/core/batch/index.js';
import { parseNewJob } from '../../src-main/core/batch/input.js';
import { isAppError, PATCH_TYPES, type PatchType } from '../../src-main/domain/index.js';
import { decodeImage, findPatchCode } from '../../src-main/imaging/index.js';
import { configSchema } from '../../src-main/platform/index.js';
import { openStore } from '../../src-main/store/index.js';
import { encodePage, renderPage } from '../fixtures/render.js';
import { barcodeSheet, patchSheet, tablePage } from './separator-sheets.js';

const PROCEDURE = '1.001193';
const DEFAULTS = { samplePercent: 0, agency: '000.00.01.H01' };

async function patchOf(png: Buffer) {
  return findPatchCode((await decodeImage(png)).image);
}

describe('patch code reader', () => {
  const skews = [-5, 0, 5];
  for (const [i, type] of PATCH_TYPES.entries()) {
    for (const dpi of [200, 300] as const) {
      const skew = skews[(i + dpi / 100) % 3] as number;
      it(`reads Patch ${type} at ${dpi} dpi, skewed ${skew}°, with noise and specks`, async () => {
        const report = await patchOf(
          await patchSheet(type, { dpi, skewDegrees: skew, noise: 10, specks: 150, seed: i }),
        );
        expect(report?.type).toBe(type);
        expect(report?.bars).toBe('across');
        // the drawn bars are 2.5 in long; a skewed sheet's run may lose a little at the ends
        expect(report?.lengthInch).toBeGreaterThan(2);
        // the symbol starts 1 in below the top edge and is 0.8 in deep, plus what the skew of
        // its 2.5 in bars adds to its bounding box
        const slant = 2.5 * Math.tan((Math.abs(skew) * Math.PI) / 180);
        expect(report?.box.top).toBeGreaterThan(dpi * 0.8);
        expect(report?.box.height).toBeGreaterThan(dpi * 0.7);
        expect(report?.box.height).toBeLessThan(dpi * (0.9 + slant));
      }, 120_000);
    }
  }

  it('reads end-fed patches (bars parallel to the sides) from the right edge', async () => {
    for (const type of ['3', 'T'] as const) {
      const report = await patchOf(
        await patchSheet(type, { dpi: 300, bars: 'along', skewDegrees: -3, noise: 8 }),
      );
      expect(report).toMatchObject({ type, bars: 'along' });
    }
  }, 240_000);

  it('reads a sheet fed upside down the way the scanner does: Patch 3 as T', async () => {
    const upright = await patchSheet('3', { dpi: 200, noise: 6 });
    const turned = await sharp(upright).rotate(180).png().toBuffer();
    expect((await patchOf(turned))?.type).toBe('T');
  }, 240_000);

  it('finds none on text pages, forms, ruled tables, a barcode sheet or a blank sheet', async () => {
    const pages: Array<[string, Buffer]> = [];
    for (const dpi of [200, 300] as const) {
      for (const [k, kind] of (['prose', 'form', 'short'] as const).entries()) {
        const page = await renderPage({
          kind,
          seed: 40 + k,
          dpi,
          skewDegrees: k - 1.5,
          noise: 6,
          specks: 60,
          bleedThrough: k === 0,
          border: k === 1,
        });
        pages.push([`${kind} ${dpi}`, await encodePage(page.image, 'png')]);
      }
      pages.push([`table ${dpi}`, await tablePage({ dpi, noise: 8, skewDegrees: 2, specks: 80 })]);
      pages.push([
        `Code 128 ${dpi}`,
        await barcodeSheet('Code128', '000.00.01.H01-250101-0001', { dpi, noise: 6 }),
      ]);
      const blank = await renderPage({ kind: 'blank', seed: 3, dpi, noise: 8, specks: 40 });
      pages.push([`blank ${dpi}`, await encodePage(blank.image, 'png')]);
    }
    const found: Array<[string, string | undefined]> = [];
    for (const [name, png] of pages) found.push([name, (await patchOf(png))?.type]);
    expect(found).toEqual(pages.map(([name]) => [name, undefined]));
  }, 240_000);
});

describe('separation by patch-code sheets', () => {
  let root: string;
  let source: string;
  /** What each file is, in scan order. */
  const layout: Array<{ name: string; sheet?: PatchType | 'back' }> = [];

  /** A short text page at 200 dpi (what a bulk scan of a form page looks like to the lander). */
  function textPage(label: string): Promise<Buffer> {
    const svg = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="1654" height="2339">
         <text x="240" y="400" font-family="Liberation Serif" font-size="56">${label}</text>
         <text x="240" y="520" font-family="Liberation Serif" font-size="40">Đơn đề nghị cấp giấy chứng nhận quyền sử dụng đất</text>
         <text x="240" y="600" font-family="Liberation Serif" font-size="40">Họ và tên người nộp: Trần Thị Bích Ngọc</text></svg>`,
    );
    return sharp({ create: { width: 1654, height: 2339, channels: 3, background: 'white' } })
      .composite([{ input: svg, left: 0, top: 0 }])
      .greyscale()
      .withMetadata({ density: 200 })
      .png()
      .toBuffer();
  }

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'sohoa-patch-'));
    source = join(root, 'scans');
    mkdirSync(source);
    const blankBack = await encodePage(
      (await renderPage({ kind: 'blank', seed: 9, dpi: 200, noise: 5 })).image,
      'png',
    );
    const steps: Array<PatchType | 'back' | string> = [
      'Trang lẻ 1', // before the first separator: review bin
      'Trang lẻ 2',
      '2', // dossier 1, scanned duplex: its blank back follows
      'back',
      'Hồ sơ 1 trang 1',
      'Hồ sơ 1 trang 2',
      'T', // component 2
      'Hồ sơ 1 trang 3',
      '3', // dossier 2
      'Hồ sơ 2 trang 1',
      '4', // the colour toggle: no meaning in these jobs
      'Hồ sơ 2 trang 2',
    ];
    for (const [i, step] of steps.entries()) {
      const name = `p${String(i + 1).padStart(2, '0')}.png`;
      const isPatch = (PATCH_TYPES as readonly string[]).includes(step);
      const png = isPatch
        ? await patchSheet(step as PatchType, { dpi: 200, skewDegrees: i % 2 ? 2 : -2, noise: 6 })
        : step === 'back'
          ? blankBack
          : await textPage(step);
      writeFileSync(join(source, name), png);
      layout.push({
        name,
        ...(isPatch || step === 'back' ? { sheet: step as PatchType | 'back' } : {}),
      });
    }
  }, 240_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('opens dossiers at Patch 2 and 3 and components at T; sheets are kept, not content', async () => {
    const store = await openStore(join(root, 'data-default'));
    try {
      const created = await createJob(
        store,
        { name: 'patch', source, separator: 'patch', MaTTHC: PROCEDURE },
        DEFAULTS,
      );
      expect(created.job.separation).toEqual({
        kind: 'patch',
        dossier: ['2', '3'],
        component: ['T'],
      });
      const done = await runJob(store, 'patch');
      expect(done.pages).toBe(layout.length);
      expect(done.reviewPages).toBe(2);
      expect(done.dossiers).toBe(2);
      const pages = jobPages(store, 'patch');
      expect(pages.map((p) => [p.path, p.dossier, p.component])).toEqual([
        ['p01.png', 0, null],
        ['p02.png', 0, null],
        ['p03.png', 1, null], // Patch 2 sheet
        ['p04.png', 1, null], // its blank back
        ['p05.png', 1, 1],
        ['p06.png', 1, 1],
        ['p07.png', 1, null], // Patch T sheet
        ['p08.png', 1, 2],
        ['p09.png', 2, null], // Patch 3 sheet
        ['p10.png', 2, 1],
        ['p11.png', 2, 1], // Patch 4: an ordinary page of this job
        ['p12.png', 2, 1],
      ]);
      // The sheets are flagged as separator sheets and kept with their dossier, outside its pages.
      const flagged = store.db
        .prepare('SELECT seq FROM batch_pages WHERE blank = 1 ORDER BY seq')
        .all() as Array<{ seq: number }>;
      expect(flagged.map((r) => r.seq)).toEqual([3, 4, 7, 9]);
      expect(
        pages.filter((p) => [3, 4, 7, 9].includes(p.seq)).every((p) => p.pageId === null),
      ).toBe(true);
      expect(done.dossierList.map((d) => [d.position, d.pages, d.contentPages])).toEqual([
        [0, 2, 2],
        [1, 6, 3],
        [2, 4, 3],
      ]);
      // Each dossier's content pages are store pages, in two components for dossier 1.
      const storePages = store.db.prepare('SELECT count(*) AS n FROM pages').get() as { n: number };
      expect(storePages.n).toBe(6);
    } finally {
      store.close();
    }
  }, 240_000);

  it('splits as the job says: patch:T/ makes T the dossier separator and no component patch', async () => {
    const store = await openStore(join(root, 'data-t'));
    try {
      await createJob(
        store,
        { name: 'patch-t', source, separator: 'patch:t/', MaTTHC: PROCEDURE },
        { ...DEFAULTS, patch: { dossier: ['2', '3'], component: ['T'] } },
      );
      const done = await runJob(store, 'patch-t');
      expect(done.job.separation).toEqual({ kind: 'patch', dossier: ['T'], component: [] });
      // Everything before the T sheet (Patch 2 and its back included) is in the review bin.
      expect(done.reviewPages).toBe(6);
      expect(done.dossiers).toBe(1);
      expect(jobPages(store, 'patch-t').map((p) => p.dossier)).toEqual([
        0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1,
      ]);
    } finally {
      store.close();
    }
  }, 240_000);

  it('leaves the patch lists a job does not name to the configuration', () => {
    const spec = parseNewJob({ name: 'x', source: '.', separator: 'patch:6', MaTTHC: PROCEDURE });
    expect(spec.separator).toEqual({ kind: 'patch', dossier: ['6'] });
  });

  it('refuses a configuration where one patch would separate both dossiers and components', () => {
    expect(configSchema.parse({}).batch).toMatchObject({
      patchDossier: ['2', '3'],
      patchComponent: ['T'],
    });
    const both = configSchema.safeParse({ batch: { patchDossier: ['T'], patchComponent: ['T'] } });
    expect(both.success).toBe(false);
    expect(both.error?.issues[0]?.message).toMatch(/vừa tách hồ sơ.*both dossiers and components/);
    expect(configSchema.safeParse({ batch: { patchDossier: ['5'] } }).success).toBe(false);
  });

  it('refuses a malformed patch rule in Vietnamese and English', () => {
    for (const separator of ['patch:5', 'patch:2,2', 'patch:2/2', 'patch:', 'patch:/T', 'patch2']) {
      let error: unknown;
      try {
        parseNewJob({ name: 'x', source: '.', separator, MaTTHC: PROCEDURE });
      } catch (e) {
        error = e;
      }
      expect(isAppError(error) && error.code, separator).toBe('VALIDATION');
      expect((error as Error).message).toMatch(/patch\[:dossier types/);
      expect(isAppError(error) && error.messageVi).toMatch(/loại tách hồ sơ/);
    }
  });
});
