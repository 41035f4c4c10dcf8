import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { sauvola, sauvolaThresholds, warpBinarize } from '../../src-main/imaging/binarize/index.js';
import { offset, straightToSource, warpImage } from '../../src-main/imaging/geometry/index.js';
import type { QuarterTurn } from '../../src-main/imaging/geometry/index.js';
import { analysisView, orientationFromLines } from '../../src-main/imaging/index.js';
import type { RawImage } from '../../src-main/imaging/index.js';
import { renderPage } from '../fixtures/render.js';
import { Random } from '../fixtures/random.js';

vi.setConfig({ testTimeout: 300_000 });

function noise(width: number, height: number, channels: 1 | 3 | 4, seed: number): RawImage {
  const rng = new Random(seed);
  const data = new Uint8Array(width * height * channels);
  for (let i = 0; i < data.length; i++) data[i] = rng.int(0, 255);
  return { data, width, height, channels, dpi: 300 };
}

describe('the page transform', () => {
  it('undoes each quarter turn pixel for pixel, as libvips turns it', async () => {
    const image = noise(37, 23, 3, 5);
    for (const quarter of [90, 180, 270] as const satisfies readonly QuarterTurn[]) {
      // the scanner turned the sheet clockwise by `quarter`; turning back is the opposite turn
      const turned = await sharp(image.data, { raw: { width: 37, height: 23, channels: 3 } })
        .rotate(quarter)
        .raw()
        .toBuffer({ resolveWithObject: true });
      const source: RawImage = {
        ...image,
        data: new Uint8Array(turned.data),
        width: turned.info.width,
        height: turned.info.height,
      };
      const map = straightToSource({
        width: source.width,
        height: source.height,
        quarter,
        skewDegrees: 0,
      });
      const back = warpImage(source, map, { width: 37, height: 23 }, 0);
      expect(Buffer.from(back.data).equals(Buffer.from(image.data))).toBe(true);
    }
  });

  for (const channels of [1, 3, 4] as const) {
    it(`resamples a turned ${channels}-channel image within two levels of exact bilinear interpolation, edges included`, () => {
      const image = noise(97, 61, channels, 8);
      for (const skewDegrees of [-13.7, 0.4, 9]) {
        const map = offset(
          straightToSource({ width: 97, height: 61, quarter: 90, skewDegrees }),
          -3,
          2,
        );
        const size = { width: 66, height: 95 };
        const out = warpImage(image, map, size, 7);
        let worst = 0;
        for (let y = 0; y < size.height; y++) {
          for (let x = 0; x < size.width; x++) {
            const sx = map.a * x + map.b * y + map.c;
            const sy = map.d * x + map.e * y + map.f;
            for (let c = 0; c < channels; c++) {
              let exact = 7;
              if (sx >= 0 && sy >= 0 && sx <= 96 && sy <= 60) {
                const at = (px: number, py: number): number =>
                  image.data[(Math.min(60, py) * 97 + Math.min(96, px)) * channels + c]!;
                const ix = Math.floor(sx);
                const iy = Math.floor(sy);
                const fx = sx - ix;
                const fy = sy - iy;
                const top = at(ix, iy) * (1 - fx) + at(ix + 1, iy) * fx;
                const bottom = at(ix, iy + 1) * (1 - fx) + at(ix + 1, iy + 1) * fx;
                exact = top * (1 - fy) + bottom * fy;
              }
              const got = out.data[(y * size.width + x) * channels + c]!;
              worst = Math.max(worst, Math.abs(got - exact));
            }
          }
        }
        expect(worst, `${skewDegrees}°`).toBeLessThan(2);
      }
    });
  }

  it('turns a skewed page about its centre and shifts the output origin to the crop box', () => {
    const g = { width: 201, height: 101, quarter: 0 as const, skewDegrees: 10 };
    const map = straightToSource(g);
    // the centre stays put; a point right of it lands below-right of it in the source (the
    // source lines rise to the right, so the straight page's row runs downhill in the source)
    expect(map.a * 100 + map.b * 50 + map.c).toBeCloseTo(100, 9);
    expect(map.d * 100 + map.e * 50 + map.f).toBeCloseTo(50, 9);
    const right = { x: map.a * 150 + map.b * 50 + map.c, y: map.d * 150 + map.e * 50 + map.f };
    expect(right.x).toBeCloseTo(100 + 50 * Math.cos(Math.PI / 18), 9);
    expect(right.y).toBeCloseTo(50 - 50 * Math.sin(Math.PI / 18), 9);
    const cut = offset(map, 7, 3);
    expect(cut.a * 0 + cut.b * 0 + cut.c).toBeCloseTo(map.a * 7 + map.b * 3 + map.c, 9);
  });
});

describe('straightening and binarising in one pass', () => {
  it('binarises an unturned page exactly as Sauvola on the plane does, border pixels aside', async () => {
    const page = await renderPage({ kind: 'prose', seed: 71, dpi: 200, channels: 1, noise: 4 });
    const plane = { data: page.image.data, width: page.image.width, height: page.image.height };
    const ink = sauvola(plane, 200);
    const bw = warpBinarize({
      source: plane,
      thresholds: sauvolaThresholds(plane, 200),
      map: straightToSource({ ...plane, quarter: 0, skewDegrees: 0 }),
      size: plane,
    });
    let differ = 0;
    let inked = 0;
    for (let y = 0; y < plane.height - 2; y++) {
      for (let x = 2; x < plane.width - 2; x++) {
        const i = y * plane.width + x;
        if (ink[i] === 1) inked++;
        if ((bw.data[i] === 0 ? 1 : 0) !== ink[i]) differ++;
      }
    }
    expect(inked).toBeGreaterThan(10_000);
    expect(differ).toBe(0);
  });
  it('binarises a turned, skewed, cropped page as per-pixel bilinear sampling does, painted cells left white', async () => {
    const page = await renderPage({ kind: 'form', seed: 72, dpi: 200, channels: 1, noise: 3 });
    const source = { data: page.image.data, width: page.image.width, height: page.image.height };
    const thresholds = sauvolaThresholds(source, 200);
    const map = offset(straightToSource({ ...source, quarter: 90, skewDegrees: 7.3 }), 40, 25);
    const size = { width: source.height - 80, height: source.width - 50 };
    // a 3-pixel bed cell every 97th: those stay paper whatever lies under them
    const factor = 3;
    const columns = Math.ceil(size.width / factor);
    const paint = new Uint8Array(columns * Math.ceil(size.height / factor));
    for (let c = 0; c < paint.length; c += 97) paint[c] = 1;
    const bw = warpBinarize({ source, thresholds, map, size, cells: { paint, columns, factor } });
    const { data, width: sw, height: sh } = source;
    let inked = 0;
    let differ = 0;
    let paintedInk = 0;
    for (let y = 0; y < size.height; y++) {
      for (let x = 0; x < size.width; x++) {
        const out = bw.data[y * size.width + x]!;
        if (paint[((y / factor) | 0) * columns + ((x / factor) | 0)] === 1) {
          if (out === 0) paintedInk++;
          continue;
        }
        const sx = map.a * x + map.b * y + map.c;
        const sy = map.d * x + map.e * y + map.f;
        if (sx < 2 || sy < 2 || sx > sw - 3 || sy > sh - 3) continue;
        const ix = Math.floor(sx);
        const iy = Math.floor(sy);
        const fx = sx - ix;
        const fy = sy - iy;
        const i = iy * sw + ix;
        const top = data[i]! + (data[i + 1]! - data[i]!) * fx;
        const bottom = data[i + sw]! + (data[i + sw + 1]! - data[i + sw]!) * fx;
        const t =
          thresholds.values[
            ((iy / thresholds.block) | 0) * thresholds.columns + ((ix / thresholds.block) | 0)
          ]!;
        const ink = top + (bottom - top) * fy < t;
        if (ink) inked++;
        if (ink !== (out === 0)) differ++;
      }
    }
    expect(inked).toBeGreaterThan(20_000);
    expect(paintedInk).toBe(0);
    // 8-bit fixed-point weights disagree with exact ones only a hair from the threshold
    expect(differ).toBeLessThan(inked * 0.002);
  });
});

describe('orientation from the text lines', () => {
  it('tells all four ways up of a Vietnamese prose page, sure of each', async () => {
    for (const orientation of [0, 90, 180, 270] as const) {
      const page = await renderPage({
        kind: 'prose',
        seed: 72,
        dpi: 200,
        orientation,
        skewDegrees: -6.4,
        noise: 3,
      });
      const found = orientationFromLines(analysisView(page.image));
      expect(found?.degrees).toBe(orientation);
      // 0.15 is the default confidence bar (3 on the OSD scale)
      expect(found?.asymmetry).toBeGreaterThan(0.2);
      expect(Math.abs((found?.lines.degrees ?? 0) - -6.4)).toBeLessThan(0.15);
    }
  });

  it('does not guess from a photograph', async () => {
    const photo = await renderPage({ kind: 'photo', seed: 73, dpi: 200 });
    expect(orientationFromLines(analysisView(photo.image))).toBeNull();
  });
});
