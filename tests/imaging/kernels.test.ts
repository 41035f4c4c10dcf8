/**
 * The wasm kernels against plain loops that say what they compute, on sizes that leave every
 * SIMD tail (widths that are not a multiple of 16, rows that are not a multiple of the factor).
 */
import { describe, expect, it } from 'vitest';
import {
  inkComponents,
  sauvolaBlockThresholds,
  shrinkToLuma,
} from '../../src-main/imaging/kernels/index.js';
import { kernels } from '../../src-main/imaging/kernels/instance.js';
import type { RawImage } from '../../src-main/imaging/index.js';

function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
}

function image(width: number, height: number, channels: 1 | 3 | 4, seed: number): RawImage {
  const next = random(seed);
  const data = new Uint8Array(width * height * channels);
  for (let i = 0; i < data.length; i++) data[i] = Math.floor(next() * 256);
  return { data, width, height, channels, dpi: 300 };
}

function boxLuma(img: RawImage, factor: number): Uint8Array {
  const w = Math.floor(img.width / factor);
  const h = Math.floor(img.height / factor);
  const out = new Uint8Array(w * h);
  for (let oy = 0; oy < h; oy++) {
    for (let ox = 0; ox < w; ox++) {
      let sum = 0;
      for (let y = oy * factor; y < (oy + 1) * factor; y++) {
        for (let x = ox * factor; x < (ox + 1) * factor; x++) {
          const i = (y * img.width + x) * img.channels;
          sum +=
            img.channels === 1
              ? img.data[i]!
              : (img.data[i]! * 77 + img.data[i + 1]! * 150 + img.data[i + 2]! * 29) >> 8;
        }
      }
      out[oy * w + ox] = Math.floor((sum + ((factor * factor) >> 1)) / (factor * factor));
    }
  }
  return out;
}

describe('imaging kernels', () => {
  for (const [width, height, channels, factor] of [
    [2480 / 8 + 3, 97, 1, 3],
    [47, 50, 1, 2],
    [101, 64, 1, 16],
    [95, 61, 3, 3],
    [64, 36, 4, 4],
  ] as const) {
    it(`shrinks ${width}×${height}×${channels} by ${factor} to the rounded box average of luma`, () => {
      const img = image(width, height, channels, width * height + factor);
      const plane = shrinkToLuma(img, factor);
      expect(plane.width).toBe(Math.floor(width / factor));
      expect(plane.height).toBe(Math.floor(height / factor));
      expect(plane.data).toEqual(boxLuma(img, factor));
    });
  }

  it('refuses a shrink factor the 16-bit column sums cannot hold', () => {
    expect(() => shrinkToLuma(image(40, 40, 1, 1), 17)).toThrow(/from 2 to 16/);
  });

  it('finds every ink run, also past its first guess of how many there are', () => {
    // pixels alternate ink and paper in places: ~160 000 runs, more than the first capacity
    const width = 1003;
    const height = 600;
    const next = random(7);
    const data = new Uint8Array(width * height).fill(255);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const band = Math.floor(x / 100) % 3;
        if (band === 0 && (x + y) % 2 === 0) data[y * width + x] = 0;
        else if (band === 1 && next() < 0.3) data[y * width + x] = 0;
      }
    }
    const expected: Array<[number, number, number]> = [];
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width;) {
        if (data[y * width + x] !== 0) {
          x++;
          continue;
        }
        const start = x;
        while (x < width && data[y * width + x] === 0) x++;
        expected.push([y, start, x]);
      }
    }
    expect(expected.length).toBeGreaterThan(1 << 17);
    const { runs } = inkComponents({ data, width, height });
    expect(runs.count).toBe(expected.length);
    const found = Array.from({ length: runs.count }, (_, i) => [runs.y[i], runs.x0[i], runs.x1[i]]);
    expect(found).toEqual(expected);
  });

  it('labels 8-connected components with their areas and boxes, as a flood fill finds them', () => {
    const width = 157;
    const height = 93;
    const next = random(11);
    const data = new Uint8Array(width * height).fill(255);
    // blobs, diagonal chains (touching only at corners) and specks
    for (let i = 0; i < data.length; i++) if (next() < 0.18) data[i] = 0;
    for (let k = 0; k < 40; k++) data[(10 + k) * width + 60 + k] = 0;
    const { runs, components } = inkComponents({ data, width, height });

    const reference = new Int32Array(width * height).fill(-1);
    const boxes: Array<{ area: number; left: number; top: number; right: number; bottom: number }> =
      [];
    for (let start = 0; start < data.length; start++) {
      if (data[start] !== 0 || reference[start] !== -1) continue;
      const box = { area: 0, left: width, top: height, right: -1, bottom: -1 };
      const stack = [start];
      reference[start] = boxes.length;
      while (stack.length > 0) {
        const p = stack.pop()!;
        const x = p % width;
        const y = (p - x) / width;
        box.area++;
        box.left = Math.min(box.left, x);
        box.right = Math.max(box.right, x);
        box.top = Math.min(box.top, y);
        box.bottom = Math.max(box.bottom, y);
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const xx = x + dx;
            const yy = y + dy;
            if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
            const q = yy * width + xx;
            if (data[q] === 0 && reference[q] === -1) {
              reference[q] = boxes.length;
              stack.push(q);
            }
          }
        }
      }
      boxes.push(box);
    }
    expect(components.count).toBe(boxes.length);
    // the same partition: every run's pixels share one reference component, one per label
    const match = new Map<number, number>();
    for (let r = 0; r < runs.count; r++) {
      for (let x = runs.x0[r]!; x < runs.x1[r]!; x++) {
        const ref = reference[runs.y[r]! * width + x]!;
        const label = runs.label[r]!;
        if (!match.has(label)) match.set(label, ref);
        expect(match.get(label)).toBe(ref);
      }
    }
    expect(new Set(match.values()).size).toBe(boxes.length);
    for (const [label, ref] of match) {
      expect({
        area: components.area[label],
        left: components.left[label],
        top: components.top[label],
        right: components.right[label],
        bottom: components.bottom[label],
      }).toEqual(boxes[ref]);
    }
  });

  for (const [width, height, block] of [
    [203, 77, 16],
    [96, 130, 11],
    [31, 29, 4],
  ] as const) {
    it(`gives each ${block}-pixel block of ${width}×${height} the Sauvola threshold of its 5×5-block window`, () => {
      const { data } = image(width, height, 1, width + block);
      const k = 0.3;
      const range = 128;
      const columns = Math.ceil(width / block);
      const rows = Math.ceil(height / block);
      const expected = new Uint8Array(columns * rows);
      for (let by = 0; by < rows; by++) {
        for (let bx = 0; bx < columns; bx++) {
          // samples: every fourth row, every other column counted from each block's left edge
          let s = 0;
          let q = 0;
          let n = 0;
          for (let y = 0; y < height; y += 4) {
            if (Math.abs(Math.floor(y / block) - by) > 2) continue;
            for (let x = 0; x < width; x++) {
              if (Math.abs(Math.floor(x / block) - bx) > 2 || (x % block) % 2 !== 0) continue;
              s += data[y * width + x]!;
              q += data[y * width + x]! ** 2;
              n++;
            }
          }
          const mean = s / n;
          const sd = Math.sqrt(Math.max(0, q / n - mean * mean));
          expected[by * columns + bx] = Math.max(
            0,
            Math.min(255, Math.round(mean * (1 + k * (sd / range - 1)))),
          );
        }
      }
      expect(sauvolaBlockThresholds({ data, width, height }, block, k, range)).toEqual(expected);
    });
  }

  it('gives back the memory a huge page needed once the page is done', () => {
    const first = kernels();
    // 16 000 × 17 000 grey pixels: more than the 256 MiB an instance may keep
    const huge = { data: new Uint8Array(16_000 * 17_000).fill(200), width: 16_000, height: 17_000 };
    const view = shrinkToLuma({ ...huge, channels: 1, dpi: 1200 }, 12);
    expect(view.data[0]).toBe(200);
    expect(first.exports.memory.buffer.byteLength).toBeGreaterThan(256 * 1024 * 1024);
    const next = kernels();
    expect(next).not.toBe(first);
    expect(next.exports.memory.buffer.byteLength).toBeLessThan(16 * 1024 * 1024);
    expect(shrinkToLuma(image(64, 64, 1, 3), 4).width).toBe(16);
  });
});
