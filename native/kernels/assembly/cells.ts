/**
 * Where the page is plain paper, surveyed 8 × 8 pixels at a time: a cell is marked when any of
 * its pixels is darker than the cell's level. Sixteen columns (two cells) are read per step:
 * the minimum down the cell's rows, compared with both cells' levels at once.
 */

export const CELL = 8;

/**
 * Grey `src` (width × height); `levels` and `marked` hold one byte per cell, `columns` cells a
 * row (⌈width / 8⌉); `marked` must be zero on entry and gets 1 in every marked cell.
 */
export function markDarkCells(
  src: usize,
  width: i32,
  height: i32,
  levels: usize,
  marked: usize,
  columns: i32,
): void {
  const rows = (height + CELL - 1) / CELL;
  for (let gy = 0; gy < rows; gy++) {
    const y0 = gy * CELL;
    const y1 = min(height, y0 + CELL);
    const cellRow = <usize>gy * <usize>columns;
    const top = src + <usize>y0 * <usize>width;
    let x = 0;
    for (; x + 16 <= width; x += 16) {
      let darkest = v128.load(top + <usize>x);
      for (let y = y0 + 1; y < y1; y++) {
        darkest = i8x16.min_u(darkest, v128.load(src + <usize>y * <usize>width + <usize>x));
      }
      const cell = cellRow + <usize>(x / CELL);
      // the left cell's level in lanes 0–7, the right cell's in lanes 8–15
      const level = i8x16.shuffle(
        i8x16.splat(load<u8>(levels + cell)),
        i8x16.splat(load<u8>(levels + cell + 1)),
        0,
        1,
        2,
        3,
        4,
        5,
        6,
        7,
        16,
        17,
        18,
        19,
        20,
        21,
        22,
        23,
      );
      const below = i8x16.bitmask(i8x16.lt_u(darkest, level));
      if (below & 0xff) store<u8>(marked + cell, 1);
      if (below & 0xff00) store<u8>(marked + cell + 1, 1);
    }
    for (; x < width; x++) {
      const cell = cellRow + <usize>(x / CELL);
      const level = load<u8>(levels + cell);
      for (let y = y0; y < y1; y++) {
        if (load<u8>(src + <usize>y * <usize>width + <usize>x) < level) {
          store<u8>(marked + cell, 1);
          break;
        }
      }
    }
  }
}
