/**
 * Straightening and binarising in one pass (the host's binarize/warped.ts explains the method):
 * each output pixel is sampled from the page as scanned through the page's affine map and
 * compared with the Sauvola threshold of the source block it came from. Sixteen-pixel stretches
 * whose source lies in plain-paper cells (markDarkCells, summed into a table) are skipped on one
 * look-up; elsewhere each sample's four source pixels' distances from the threshold are
 * interpolated (bilinear, 8-bit weights) and the sign decides.
 */
import { CELL, markDarkCells } from './cells';
import { Affine } from './affine';

const CHUNK = 16;
const CELL_SHIFT = 3;

/**
 * `src` sw × sh grey; `values` the threshold per block (`block` pixels square, `blockColumns` a
 * row); `levels` and `marked` one scratch byte per 8 × 8 cell (`gridColumns` × `gridRows`); `sat` (gridColumns + 1) × (gridRows + 1) scratch i32; `rowBlock` sh and
 * `colBlock` sw scratch i32; `map` the affine map from output pixel to source pixel, six f64
 * (a, b, c, d, e, f: source = (a·x + b·y + c, d·x + e·y + f)). Writes width × height bytes to `out`: 0 ink, 255 paper. With
 * `paint` ≠ 0, output cells of `factor` pixels marked 1 there (`paintColumns` a row) stay paper.
 */
export function warpBinarize(
  src: usize,
  sw: i32,
  sh: i32,
  values: usize,
  block: i32,
  blockColumns: i32,
  levels: usize,
  marked: usize,
  sat: usize,
  gridColumns: i32,
  gridRows: i32,
  map: usize,
  out: usize,
  width: i32,
  height: i32,
  paint: usize,
  paintColumns: i32,
  factor: i32,
  rowBlock: usize,
  colBlock: usize,
): void {
  for (let x = 0; x < sw; x++) store<i32>(colBlock + ((<usize>x) << 2), x / block);
  for (let y = 0; y < sh; y++) store<i32>(rowBlock + ((<usize>y) << 2), (y / block) * blockColumns);
  cellLevels(values, rowBlock, colBlock, blockColumns, sw, sh, gridColumns, gridRows, levels);
  memory.fill(marked, 0, <usize>gridColumns * <usize>gridRows);
  markDarkCells(src, sw, sh, levels, marked, gridColumns);
  summedArea(marked, gridColumns, gridRows, sat);
  memory.fill(out, 255, <usize>width * <usize>height);

  const m = changetype<Affine>(map);
  const stepX = m.stepX;
  const stepY = m.stepY;
  const cell = paint != 0 ? factor : width;
  const columns = (width + cell - 1) / cell;
  const swz = <usize>sw;

  for (let y = 0; y < height; y++) {
    const paintRow = paint != 0 ? <usize>(y / cell) * <usize>paintColumns : 0;
    const rowLo = m.interiorStart(y, sw, sh);
    const rowHi = max(rowLo, m.interiorEnd(y, sw, sh, width));
    const outRow = out + <usize>y * <usize>width;
    for (let c0 = 0; c0 < columns;) {
      if (paint != 0 && load<u8>(paint + paintRow + <usize>c0) == 1) {
        c0++;
        continue;
      }
      let c1 = c0 + 1;
      while (c1 < columns && !(paint != 0 && load<u8>(paint + paintRow + <usize>c1) == 1)) c1++;
      const lo = max(rowLo, c0 * cell);
      const hi = min(rowHi, c1 * cell);
      c0 = c1;
      if (hi <= lo) continue;
      let sx = m.fixedX(lo, y);
      let sy = m.fixedY(lo, y);
      for (let o = lo; o < hi;) {
        const stop = min(hi, o + CHUNK);
        const ex = sx + stepX * (stop - o - 1);
        const ey = sy + stepY * (stop - o - 1);
        const minX = min(sx, ex) >> 16;
        const minY = min(sy, ey) >> 16;
        const maxX = max(sx, ex) >> 16;
        const maxY = max(sy, ey) >> 16;
        if (!anyMarked(sat, gridColumns, gridRows, minX, minY, maxX + 1, maxY + 1)) {
          sx = ex + stepX;
          sy = ey + stepY;
          o = stop;
          continue;
        }
        // one threshold block under the whole chunk (the usual case) spares a look-up a pixel
        const first = blockAt(rowBlock, colBlock, minX, minY);
        const single =
          first == blockAt(rowBlock, colBlock, maxX, maxY)
            ? <i32>load<u8>(values + <usize>first)
            : -1;
        for (; o < stop; o++, sx += stepX, sy += stepY) {
          const ix = sx >> 16;
          const iy = sy >> 16;
          const i = src + <usize>iy * swz + <usize>ix;
          const th =
            single >= 0
              ? single
              : <i32>load<u8>(values + <usize>blockAt(rowBlock, colBlock, ix, iy));
          const d00 = <i32>load<u8>(i) - th;
          const d01 = <i32>load<u8>(i, 1) - th;
          const d10 = <i32>load<u8>(i + swz) - th;
          const d11 = <i32>load<u8>(i + swz + 1) - th;
          // the weights sum to one, so interpolating the distances compares the sample itself;
          // where all four agree the sign cannot change, so no branch is needed for them
          const fx = (sx >> 8) & 255;
          const top = (d00 << 8) + (d01 - d00) * fx;
          const bottom = (d10 << 8) + (d11 - d10) * fx;
          const ink = (top << 8) + (bottom - top) * ((sy >> 8) & 255) < 0;
          store<u8>(outRow + <usize>o, select<u8>(0, 255, ink));
        }
      }
    }
  }
}

/**
 * The level each 8 × 8 cell's pixels are held to: the highest threshold of any block a sample
 * can be in while reading the cell (the sample's pixel and its right and lower neighbours, so
 * from one pixel before the cell to its last).
 */
function cellLevels(
  values: usize,
  rowBlock: usize,
  colBlock: usize,
  blockColumns: i32,
  sw: i32,
  sh: i32,
  columns: i32,
  rows: i32,
  levels: usize,
): void {
  for (let gy = 0; gy < rows; gy++) {
    const firstRow = load<i32>(rowBlock + ((<usize>max(0, gy * CELL - 1)) << 2));
    const lastRow = load<i32>(rowBlock + ((<usize>min(sh - 1, gy * CELL + CELL - 1)) << 2));
    for (let gx = 0; gx < columns; gx++) {
      const firstColumn = load<i32>(colBlock + ((<usize>max(0, gx * CELL - 1)) << 2));
      const lastColumn = load<i32>(colBlock + ((<usize>min(sw - 1, gx * CELL + CELL - 1)) << 2));
      let level: u8 = 0;
      for (let row = firstRow; row <= lastRow; row += blockColumns) {
        for (let column = firstColumn; column <= lastColumn; column++)
          level = max(level, load<u8>(values + <usize>(row + column)));
      }
      store<u8>(levels + <usize>gy * <usize>columns + <usize>gx, level);
    }
  }
}

function blockAt(rowBlock: usize, colBlock: usize, x: i32, y: i32): i32 {
  return load<i32>(rowBlock + ((<usize>y) << 2)) + load<i32>(colBlock + ((<usize>x) << 2));
}

/** Prefix sums of the marked cells: sat[(gy + 1)·(columns + 1) + gx + 1] counts cells ≤ (gx, gy). */
function summedArea(marked: usize, columns: i32, rows: i32, sat: usize): void {
  const stride = (<usize>(columns + 1)) << 2;
  memory.fill(sat, 0, stride);
  for (let gy = 0; gy < rows; gy++) {
    const above = sat + <usize>gy * stride;
    const row = above + stride;
    store<i32>(row, 0);
    let run = 0;
    for (let gx = 0; gx < columns; gx++) {
      run += load<u8>(marked + <usize>gy * <usize>columns + <usize>gx);
      const at = (<usize>(gx + 1)) << 2;
      store<i32>(row + at, load<i32>(above + at) + run);
    }
  }
}

/** Whether any cell overlapping source pixels [x0, x1] × [y0, y1] is marked. */
function anyMarked(sat: usize, columns: i32, rows: i32, x0: i32, y0: i32, x1: i32, y1: i32): bool {
  const stride = <usize>(columns + 1);
  const gx0 = <usize>max(0, x0 >> CELL_SHIFT);
  const gy0 = <usize>max(0, y0 >> CELL_SHIFT);
  const gx1 = <usize>(min(columns - 1, x1 >> CELL_SHIFT) + 1);
  const gy1 = <usize>(min(rows - 1, y1 >> CELL_SHIFT) + 1);
  const low = sat + ((gy0 * stride) << 2);
  const high = sat + ((gy1 * stride) << 2);
  return (
    load<i32>(high + (gx1 << 2)) -
      load<i32>(low + (gx1 << 2)) -
      load<i32>(high + (gx0 << 2)) +
      load<i32>(low + (gx0 << 2)) >
    0
  );
}
