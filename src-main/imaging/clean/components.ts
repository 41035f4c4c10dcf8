/**
 * Connected components (8-connected) of an ink mask, found on horizontal runs: each row's runs
 * are joined (union–find) with the overlapping runs of the row above. A text page has a few
 * hundred thousand runs against millions of pixels, so this stays fast at 300 dpi.
 */
import type { Plane } from '../pixels/grey.js';

export interface Runs {
  /** Per run: row, first column, one past the last column, component label. */
  y: Int32Array;
  x0: Int32Array;
  x1: Int32Array;
  label: Int32Array;
  count: number;
}

export interface Component {
  area: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Labelled {
  runs: Runs;
  components: Component[];
}

/** Collects runs row by row (rows in increasing order, runs left to right within a row). */
class RunBuilder {
  private capacity = 1 << 16;
  private y: Int32Array = new Int32Array(this.capacity);
  private x0: Int32Array = new Int32Array(this.capacity);
  private x1: Int32Array = new Int32Array(this.capacity);
  private n = 0;

  /** Ink on row `row` from column `start` to one before `end`. */
  push(row: number, start: number, end: number): void {
    if (this.n === this.capacity) {
      this.capacity *= 2;
      this.y = grow(this.y, this.capacity);
      this.x0 = grow(this.x0, this.capacity);
      this.x1 = grow(this.x1, this.capacity);
    }
    this.y[this.n] = row;
    this.x0[this.n] = start;
    this.x1[this.n] = end;
    this.n++;
  }

  finish(): Runs {
    return { y: this.y, x0: this.x0, x1: this.x1, label: new Int32Array(this.n), count: this.n };
  }
}

/**
 * The ink runs of a black-and-white plane (0 = ink, 255 = paper). Paper is skipped eight pixels
 * at a time (two 32-bit words, all bits set), which is most of a page.
 */
export function inkRuns(bw: Plane): Runs {
  const { data, width, height } = bw;
  // signed words: all-paper is -1, a small integer, where 0xffffffff would be a double in V8
  const words =
    data.byteOffset % 4 === 0
      ? new Int32Array(data.buffer, data.byteOffset, data.length >> 2)
      : new Int32Array(0);
  const aligned = words.length > 0;
  const runs = new RunBuilder();
  for (let row = 0; row < height; row++) {
    const base = row * width;
    let x = 0;
    while (x < width) {
      while (x < width) {
        const i = base + x;
        if (
          aligned &&
          (i & 3) === 0 &&
          x + 8 <= width &&
          (words[i >> 2]! & words[(i >> 2) + 1]!) === -1
        )
          x += 8;
        else if (data[i] !== 0) x++;
        else break;
      }
      if (x >= width) break;
      const start = x;
      while (x < width && data[base + x] === 0) x++;
      runs.push(row, start, x);
    }
  }
  return runs.finish();
}

function grow(a: Int32Array, capacity: number): Int32Array {
  const b = new Int32Array(capacity);
  b.set(a);
  return b;
}

/** Joins runs into 8-connected components (labels each run, measures each component). */
export function labelRuns(runs: Runs): Labelled {
  const parent = new Int32Array(runs.count);
  for (let i = 0; i < runs.count; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      const p = parent[parent[i]!]!;
      parent[i] = p;
      i = p;
    }
    return i;
  };
  // runs of the previous row: [prevStart, prevEnd)
  let prevStart = 0;
  let prevEnd = 0;
  let i = 0;
  while (i < runs.count) {
    const row = runs.y[i]!;
    let rowEnd = i;
    while (rowEnd < runs.count && runs.y[rowEnd] === row) rowEnd++;
    if (prevEnd > prevStart && runs.y[prevStart] === row - 1) {
      let p = prevStart;
      for (let r = i; r < rowEnd; r++) {
        const a0 = runs.x0[r]! - 1;
        const a1 = runs.x1[r]! + 1; // 8-connectivity: diagonal neighbours touch
        while (p < prevEnd && runs.x1[p]! <= a0) p++;
        for (let q = p; q < prevEnd && runs.x0[q]! < a1; q++) {
          const ra = find(r);
          const rb = find(q);
          if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
      }
    }
    prevStart = i;
    prevEnd = rowEnd;
    i = rowEnd;
  }
  const index = new Int32Array(runs.count).fill(-1);
  const components: Component[] = [];
  for (let r = 0; r < runs.count; r++) {
    const root = find(r);
    let c = index[root]!;
    if (c < 0) {
      c = components.length;
      index[root] = c;
      components.push({
        area: 0,
        left: runs.x0[r]!,
        top: runs.y[r]!,
        right: runs.x1[r]! - 1,
        bottom: runs.y[r]!,
      });
    }
    runs.label[r] = c;
    const comp = components[c]!;
    comp.area += runs.x1[r]! - runs.x0[r]!;
    if (runs.x0[r]! < comp.left) comp.left = runs.x0[r]!;
    if (runs.x1[r]! - 1 > comp.right) comp.right = runs.x1[r]! - 1;
    if (runs.y[r]! > comp.bottom) comp.bottom = runs.y[r]!;
  }
  return { runs, components };
}
