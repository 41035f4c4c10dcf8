import { afterAll, describe, expect, it, vi } from 'vitest';
import { closeOsd, estimateSkew, straighten } from '../../src-main/imaging/index.js';
import { renderPage } from '../fixtures/render.js';

// each case renders and cleans full A4 pages; a shared CI machine can take minutes for a few
vi.setConfig({ testTimeout: 300_000 });

afterAll(async () => {
  await closeOsd();
});

describe('deskew', () => {
  it('finds the skew of text pages to within 0.1° across ±15°, with the documented sign', async () => {
    const cases = [
      { kind: 'prose', seed: 11, dpi: 300, skewDegrees: 14.3, border: true, noise: 4, specks: 20 },
      {
        kind: 'form',
        seed: 12,
        dpi: 200,
        skewDegrees: -9.65,
        seal: true,
        jpegQuality: 70,
        bleedThrough: true,
      },
      { kind: 'prose', seed: 13, dpi: 300, skewDegrees: 0.37, channels: 1, blur: 0.8 },
    ] as const;
    for (const spec of cases) {
      const { image } = await renderPage(spec);
      const report = await estimateSkew(image, { maxDegrees: 20, minDegrees: 0.05 });
      expect(report.applied).toBe(true);
      expect(Math.abs(report.degrees - spec.skewDegrees)).toBeLessThanOrEqual(0.1);
    }
  });

  it('leaves photographs and empty paper alone and says why', async () => {
    const photo = await renderPage({ kind: 'photo', seed: 3, dpi: 200, skewDegrees: 6 });
    expect(await estimateSkew(photo.image, { maxDegrees: 20, minDegrees: 0.05 })).toMatchObject({
      applied: false,
      skipped: 'photo',
    });
    const blank = await renderPage({
      kind: 'blank',
      seed: 4,
      dpi: 200,
      noise: 5,
      specks: 40,
      bleedThrough: true,
    });
    expect(await estimateSkew(blank.image, { maxDegrees: 20, minDegrees: 0.05 })).toMatchObject({
      applied: false,
      skipped: 'no-text-lines',
    });
  });
});

describe('straighten (orientation → deskew → crop)', () => {
  it('turns sideways and upside-down pages upright, straightens them and crops the scanner bed', async () => {
    for (const orientation of [90, 180, 270] as const) {
      const page = await renderPage({
        kind: 'form',
        seed: 20 + orientation,
        dpi: 200,
        orientation,
        skewDegrees: 3.2,
        border: true,
        seal: true,
      });
      const result = await straighten(page.image);
      expect(result.orientation).toMatchObject({
        degrees: orientation,
        applied: true,
        flagged: false,
      });
      expect(Math.abs(result.skew.degrees - 3.2)).toBeLessThanOrEqual(0.1);
      // upright A4: portrait, and the dark bed is gone from every edge
      expect(result.image.height).toBeGreaterThan(result.image.width);
      expect(result.crop?.box.width).toBeLessThan(page.image.height);
      const { data, width, height, channels } = result.image;
      for (const [x, y] of [
        [2, 2],
        [width - 3, 2],
        [2, height - 3],
        [width - 3, height - 3],
        [width >> 1, 1],
      ] as const) {
        expect(data[(y * width + x) * channels]).toBeGreaterThan(200);
      }
    }
  });

  it('flags a page without text instead of guessing its orientation', async () => {
    const blank = await renderPage({ kind: 'blank', seed: 31, dpi: 200, noise: 3, specks: 10 });
    const result = await straighten(blank.image);
    expect(result.orientation).toMatchObject({ degrees: 0, flagged: true, applied: false });
  });

  it('rejects pixel buffers that do not match their declared size', async () => {
    await expect(
      straighten({ data: new Uint8Array(10), width: 100, height: 100, channels: 1, dpi: 300 }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
