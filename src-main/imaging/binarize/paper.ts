/**
 * Where the page as scanned is plain paper: a grid of 8×8-pixel cells, each marked when one of
 * its pixels is darker than the Sauvola threshold any sample reaching into the cell may be held
 * to. A straightening sample whose four source pixels lie in unmarked cells is paper for certain,
 * so warpBinarize skips whole stretches of an output row on one look-up — most of a text page is
 * margin and leading.
 *
 * The survey reads the page four pixels at a time: one 32-bit word tells whether any of its bytes
 * is below the level (SWAR, no carries between bytes), which is ~4× fewer steps than a byte loop.
 */
import type { Plane } from '../pixels/grey.js';
import type { ThresholdMap } from './sauvola.js';

export const PAPER_CELL = 8;
const SHIFT = 3; // log2(PAPER_CELL)

/** Counts of marked cells, summed over every cell above and to the left (summed-area table). */
export interface PaperGrid {
  /** (columns + 1) × (rows + 1) prefix sums: sat[(gy + 1)·(columns + 1) + gx + 1] counts cells ≤ (gx, gy). */
  sat: Int32Array;
  columns: number;
  rows: number;
}

export function paperGrid(source: Plane, thresholds: ThresholdMap): PaperGrid {
  const { data, width, height } = source;
  const columns = (width + PAPER_CELL - 1) >> SHIFT;
  const rows = (height + PAPER_CELL - 1) >> SHIFT;
  const levels = cellLevels(width, height, columns, rows, thresholds);
  const marked = new Uint8Array(columns * rows);
  let highest = 0;
  for (const level of levels) highest = Math.max(highest, level);
  const top = belowLevel(highest);
  const shiftBytes = data.byteOffset & 3; // words[k] starts at data[4k - shiftBytes]
  const words = new Uint32Array(
    data.buffer,
    data.byteOffset - shiftBytes,
    (shiftBytes + data.length) >> 2,
  );
  for (let y = 0; y < height; y++) {
    const gRow = (y >> SHIFT) * columns;
    const rowStart = y * width;
    // bytes before the first whole word of the row, and after the last, one by one
    const first = Math.min(width, (4 - ((rowStart + shiftBytes) & 3)) & 3);
    const last = first + ((width - first) & ~3);
    markBytes(data, rowStart, 0, first, levels, marked, gRow);
    markBytes(data, rowStart, last, width, levels, marked, gRow);
    let k = (rowStart + first + shiftBytes) >> 2;
    let x = first;
    // paper clears the highest level of the page, so most words need no look-up; a byte-wise AND
    // is no brighter than either word, so one test clears two words
    for (; x + 8 <= last; x += 8, k += 2) {
      if (anyBelow(words[k]! & words[k + 1]!, top))
        markBytes(data, rowStart, x, x + 8, levels, marked, gRow);
    }
    if (x < last && anyBelow(words[k]!, top))
      markBytes(data, rowStart, x, last, levels, marked, gRow);
  }
  const sat = new Int32Array((columns + 1) * (rows + 1));
  for (let gy = 0; gy < rows; gy++) {
    let run = 0;
    for (let gx = 0; gx < columns; gx++) {
      run += marked[gy * columns + gx]!;
      sat[(gy + 1) * (columns + 1) + gx + 1] = sat[gy * (columns + 1) + gx + 1]! + run;
    }
  }
  return { sat, columns, rows };
}

/**
 * Whether a byte of `word` is below `level`: a byte b is when 255 − b exceeds 255 − level, tested
 * on the four bytes at once (low seven bits added without carries, the top bit taken apart).
 */
function anyBelow(word: number, level: BelowLevel): boolean {
  const inv = ~word;
  // | 0 keeps the sum a 32-bit integer (its top lane may carry past 2^31; only the bits matter)
  const low = ((inv & 0x7f7f7f7f) + level.addend) | 0;
  return ((level.high ? low | inv : low & inv) & 0x80808080) !== 0;
}

/** A level as anyBelow adds it to every byte lane, worked out once per page. */
interface BelowLevel {
  addend: number;
  high: boolean;
}

function belowLevel(level: number): BelowLevel {
  return { addend: (level > 128 ? level - 128 : level) * 0x01010101, high: level > 128 };
}

/** Marks the cells of row `gRow` where a pixel in columns [x0, x1) of the row is below its cell's level. */
function markBytes(
  data: Uint8Array,
  rowStart: number,
  x0: number,
  x1: number,
  levels: Uint8Array,
  marked: Uint8Array,
  gRow: number,
): void {
  for (let x = x0; x < x1; x++) {
    const g = gRow + (x >> SHIFT);
    if (data[rowStart + x]! < levels[g]!) marked[g] = 1;
  }
}

/**
 * The level each cell's pixels are held to: the highest threshold of any block a sample can be
 * in while reading the cell (the sample's pixel and its right and lower neighbours).
 */
function cellLevels(
  width: number,
  height: number,
  columns: number,
  rows: number,
  thresholds: ThresholdMap,
): Uint8Array {
  const { values, block, columns: blockColumns } = thresholds;
  // the blocks [first, last] a sample reading cells of column gx (or row gy) can be in, found once
  // per column and row rather than per cell
  const spans = (cells: number, size: number): { first: Int32Array; last: Int32Array } => {
    const first = new Int32Array(cells);
    const last = new Int32Array(cells);
    for (let g = 0; g < cells; g++) {
      first[g] = (Math.max(0, g * PAPER_CELL - 1) / block) | 0;
      last[g] = (Math.min(size - 1, g * PAPER_CELL + PAPER_CELL - 1) / block) | 0;
    }
    return { first, last };
  };
  const across = spans(columns, width);
  const down = spans(rows, height);
  const levels = new Uint8Array(columns * rows);
  for (let gy = 0; gy < rows; gy++) {
    for (let gx = 0; gx < columns; gx++) {
      let level = 0;
      for (let by = down.first[gy]!; by <= down.last[gy]!; by++) {
        for (let bx = across.first[gx]!; bx <= across.last[gx]!; bx++)
          level = Math.max(level, values[by * blockColumns + bx]!);
      }
      levels[gy * columns + gx] = level;
    }
  }
  return levels;
}

/** Whether any cell overlapping source pixels [x0, x1] × [y0, y1] is marked. */
export function anyMarked(
  grid: PaperGrid,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): boolean {
  const c = grid.columns + 1;
  const gx0 = Math.max(0, x0 >> SHIFT);
  const gy0 = Math.max(0, y0 >> SHIFT);
  const gx1 = Math.min(grid.columns - 1, x1 >> SHIFT) + 1;
  const gy1 = Math.min(grid.rows - 1, y1 >> SHIFT) + 1;
  const s = grid.sat;
  return s[gy1 * c + gx1]! - s[gy0 * c + gx1]! - s[gy1 * c + gx0]! + s[gy0 * c + gx0]! > 0;
}
