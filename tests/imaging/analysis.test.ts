/**
 * The analysis-view helpers against plain per-pixel definitions: what the fast versions (counts
 * read off one histogram, bed runs painted by spans, fixed-point profiles) must keep meaning.
 */
import { describe, expect, it } from 'vitest';
import { cutPaper } from '../../src-main/imaging/crop/index.js';
import {
  coarseSweepsBothWays,
  inkPoints,
  lineProfile,
} from '../../src-main/imaging/deskew/index.js';
import type { InkPoints } from '../../src-main/imaging/deskew/index.js';
import { darkPixels, tones, viewOfPlane } from '../../src-main/imaging/pixels/view.js';
import type { AnalysisView } from '../../src-main/imaging/pixels/view.js';
import { Random } from '../fixtures/random.js';

/** Paper with noise, strokes, and a dark bed along the left edge and in the bottom-right corner. */
function scannedView(seed: number): AnalysisView {
  const width = 181;
  const height = 127;
  const rng = new Random(seed);
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = rng.int(225, 250);
  for (let s = 0; s < 60; s++) {
    const x = rng.int(20, width - 30);
    const y = rng.int(10, height - 10);
    const ink = rng.int(20, 200);
    for (let k = 0; k < rng.int(2, 20); k++) data[y * width + x + k] = ink;
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (x < 6 + ((y * 3) % 5) || x + y > width + height - 40)
        data[y * width + x] = rng.int(5, 40);
      // a soft rim where the sheet meets the bed
      else if (x < 8 + ((y * 3) % 5)) data[y * width + x] = 130;
    }
  }
  return viewOfPlane({ data, width, height }, 3, 100);
}

describe('analysis view counts', () => {
  for (const seed of [1, 2, 3]) {
    it(`reads tones and dark pixels exactly as a pixel-by-pixel count does (seed ${seed})`, () => {
      const view = scannedView(seed);
      const { paper, ink } = view.levels;
      const d = view.plane.data;
      let counted = 0;
      let mid = 0;
      let covered = 0;
      let dark = 0;
      for (let i = 0; i < d.length; i++) {
        if (view.bed[i] === 1) continue;
        const v = d[i]!;
        counted++;
        if (v > ink + (paper - ink) * 0.3 && v < paper - (paper - ink) * 0.3) mid++;
        if (v < paper - (paper - ink) * 0.2) covered++;
        if (v < paper - 100) dark++;
      }
      expect(view.bed.includes(1)).toBe(true);
      expect(tones(view)).toEqual({ midtones: mid / counted, coverage: covered / counted });
      expect(darkPixels(view)).toBe(dark);
    });
  }

  it('takes ink points off the paper only, not from the rim next to the scanner bed', () => {
    const view = scannedView(4);
    const { width, height } = view.plane;
    const points = inkPoints(view);
    const threshold = view.levels.paper - (view.levels.paper - view.levels.ink) * 0.5;
    let expected = 0;
    let rim = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = y * width + x;
        if (view.plane.data[i]! >= threshold || view.bed[i] === 1) continue;
        let nearBed = false;
        for (let yy = Math.max(0, y - 1); yy <= Math.min(height - 1, y + 1); yy++)
          for (let xx = Math.max(0, x - 1); xx <= Math.min(width - 1, x + 1); xx++)
            nearBed ||= view.bed[yy * width + xx] === 1;
        if (nearBed) rim++;
        else expected++;
      }
    }
    expect(rim).toBeGreaterThan(50);
    expect(points.count).toBe(expected);
    expect(points.xs.length).toBe(expected);
    for (let k = 0; k < points.count; k++) {
      const x = points.xs[k]!;
      expect(view.bed[points.ys[k]! * width + x - 1]).toBe(0);
    }
  });

  it('paints exactly the bed inside the cut grown by one pixel each way', () => {
    const view = scannedView(5);
    const { width, height } = view.plane;
    const cut = cutPaper(view);
    const { box } = cut;
    expect(box.left).toBeGreaterThan(0);
    let filled = 0;
    for (let y = 0; y < box.height; y++) {
      for (let x = 0; x < box.width; x++) {
        const vx = box.left + x;
        const vy = box.top + y;
        let grown = 0;
        for (let yy = Math.max(0, vy - 1); yy <= Math.min(height - 1, vy + 1); yy++)
          for (let xx = Math.max(0, vx - 1); xx <= Math.min(width - 1, vx + 1); xx++)
            grown |= view.bed[yy * width + xx]!;
        filled += grown;
        expect(cut.paint[y * box.width + x], `(${x}, ${y})`).toBe(grown);
        expect(cut.view.plane.data[y * box.width + x]).toBe(
          grown ? view.levels.paper : view.plane.data[vy * width + vx],
        );
      }
    }
    expect(filled).toBeGreaterThan(0);
    expect(cut.filledFraction).toBe(Math.round((filled / (box.width * box.height)) * 1e4) / 1e4);
  });
});

describe('line profiles', () => {
  it('count every point at any tilt, rising or falling', () => {
    const rng = new Random(9);
    const count = 5000;
    const points: InkPoints = {
      xs: Int32Array.from({ length: count }, () => rng.int(0, 799)),
      ys: Int32Array.from({ length: count }, () => rng.int(0, 1099)),
      count,
      width: 800,
      height: 1100,
    };
    for (const degrees of [-20, -7.5, 0, 0.3, 7.5, 20]) {
      const total = lineProfile(points, degrees).reduce((a, b) => a + b, 0);
      expect(total, `${degrees}°`).toBe(count * 256);
    }
  });

  it('sweep both ways in one pass exactly as one profile at a time would', () => {
    const rng = new Random(10);
    // lines rising 3° across a 400 × 300 page, plus scattered ink
    const xs: number[] = [];
    const ys: number[] = [];
    for (let line = 20; line < 280; line += 18) {
      for (let x = 10; x < 390; x += 2) {
        xs.push(x);
        ys.push(Math.round(line - x * Math.tan((3 * Math.PI) / 180)) + rng.int(0, 3));
      }
    }
    for (let k = 0; k < 3000; k++) {
      xs.push(rng.int(0, 399));
      ys.push(rng.int(0, 299));
    }
    const count = xs.length;
    const points: InkPoints = {
      xs: Int32Array.from(xs),
      ys: Int32Array.from(ys.map((y) => Math.max(0, y))),
      count,
      width: 400,
      height: 300,
    };
    const swapped: InkPoints = { ...points, xs: points.ys, ys: points.xs, width: 300, height: 400 };
    const score = (p: InkPoints, d: number): number => {
      const bins = lineProfile(p, d);
      let total = 0;
      for (let i = 1; i < bins.length; i++) total += (bins[i]! - bins[i - 1]!) ** 2;
      return total;
    };
    const peak = (p: InkPoints): { degrees: number; peakRatio: number } => {
      const angles = Array.from({ length: 41 }, (_, k) => (k - 20) / 2);
      const scores = angles.map((d) => score(p, d));
      const best = scores.indexOf(Math.max(...scores));
      const median = [...scores].sort((a, b) => a - b)[20]!;
      return { degrees: angles[best]!, peakRatio: scores[best]! / median };
    };
    const both = coarseSweepsBothWays(points, 10);
    expect(both.horizontal).toEqual(peak(points));
    expect(both.vertical).toEqual(peak(swapped));
    expect(both.horizontal.degrees).toBe(3);
  });
});
