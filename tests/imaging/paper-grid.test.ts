import { describe, expect, it } from 'vitest';
import { sauvolaThresholds } from '../../src-main/imaging/binarize/index.js';
import { anyMarked, PAPER_CELL, paperGrid } from '../../src-main/imaging/binarize/paper.js';

/** Paper at 230 ± 20 with dark strokes, in a buffer that starts `offset` bytes into a larger one. */
function page(width: number, height: number, offset: number): Uint8Array {
  const data = new Uint8Array(new ArrayBuffer(width * height + offset + 5), offset, width * height);
  let seed = 12345;
  const next = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < data.length; i++) data[i] = 210 + Math.floor(next() * 40);
  for (let s = 0; s < 40; s++) {
    const x = Math.floor(next() * width);
    const y = Math.floor(next() * height);
    const dark = Math.floor(next() * 160);
    for (let k = 0; k < 6 && x + k < width; k++) data[y * width + x + k] = dark;
  }
  return data;
}

describe('paper grid', () => {
  // odd widths and offsets put rows at every alignment to 32-bit words
  for (const [width, height, offset] of [
    [203, 77, 3],
    [256, 64, 0],
    [1654, 40, 2],
  ] as const) {
    it(`marks every cell holding a pixel below its threshold and no plain-paper cell (${width}×${height}, offset ${offset})`, () => {
      const data = page(width, height, offset);
      const plane = { data, width, height };
      const thresholds = sauvolaThresholds(plane, 300);
      const grid = paperGrid(plane, thresholds);
      let top = 0;
      for (const t of thresholds.values) top = Math.max(top, t);
      let dark = 0;
      for (let y0 = 0; y0 < height; y0 += PAPER_CELL) {
        for (let x0 = 0; x0 < width; x0 += PAPER_CELL) {
          let below = false;
          let min = 255;
          for (let y = y0; y < Math.min(height, y0 + PAPER_CELL); y++) {
            for (let x = x0; x < Math.min(width, x0 + PAPER_CELL); x++) {
              const v = data[y * width + x]!;
              min = Math.min(min, v);
              const t = thresholds.values[
                ((y / thresholds.block) | 0) * thresholds.columns + ((x / thresholds.block) | 0)
              ]!;
              if (v < t) below = true;
            }
          }
          const marked = anyMarked(grid, x0, y0, x0, y0);
          if (below) {
            dark++;
            expect(marked).toBe(true);
          }
          if (min >= top) expect(marked).toBe(false);
        }
      }
      expect(dark).toBeGreaterThan(0);
    });
  }
});
