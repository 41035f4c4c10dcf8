/**
 * Sauvola thresholds per block (the host's binarize/sauvola.ts explains the method): the mean and
 * standard deviation of a 5 × 5-block window around each block, from every fourth row and every
 * other column, give T = m · (1 + k · (s / R − 1)).
 */

const WINDOW_BLOCKS = 2;
const ROW_STEP = 4;
const COLUMN_STEP = 2;

/**
 * Grey `src` (width × height) → one threshold byte per block of `block` pixels at `values`
 * (⌈width / block⌉ a row, ⌈height / block⌉ rows). `scratch` holds 4 f64 per block.
 */
export function sauvolaThresholds(
  src: usize,
  width: i32,
  height: i32,
  block: i32,
  k: f64,
  range: f64,
  values: usize,
  scratch: usize,
): void {
  const columns = (width + block - 1) / block;
  const rows = (height + block - 1) / block;
  const blocks = <usize>columns * <usize>rows;
  const sum = scratch;
  const sq = sum + (blocks << 3);
  const count = sq + (blocks << 3);
  const across = count + (blocks << 3);
  memory.fill(scratch, 0, blocks * 24);
  for (let y = 0; y < height; y += ROW_STEP) {
    const blockRow = <usize>(y / block) * <usize>columns;
    const row = src + <usize>y * <usize>width;
    for (let bx = 0; bx < columns; bx++) {
      const end = min(width, (bx + 1) * block);
      let s: u32 = 0;
      let q: u32 = 0;
      let n: u32 = 0;
      for (let x = bx * block; x < end; x += COLUMN_STEP, n++) {
        const v = <u32>load<u8>(row + <usize>x);
        s += v;
        q += v * v;
      }
      const j = (blockRow + <usize>bx) << 3;
      store<f64>(sum + j, load<f64>(sum + j) + <f64>s);
      store<f64>(sq + j, load<f64>(sq + j) + <f64>q);
      store<f64>(count + j, load<f64>(count + j) + <f64>n);
    }
  }
  windowSums(sum, columns, rows, across, sum);
  windowSums(sq, columns, rows, across, sq);
  windowSums(count, columns, rows, across, count);
  for (let j: usize = 0; j < blocks; j++) {
    const n = load<f64>(count + (j << 3));
    const mean = load<f64>(sum + (j << 3)) / n;
    const sd = Math.sqrt(Math.max(0, load<f64>(sq + (j << 3)) / n - mean * mean));
    const t = Math.round(mean * (1 + k * (sd / range - 1)));
    store<u8>(values + j, <u8>Math.max(0, Math.min(255, t)));
  }
}

/**
 * Each block's total over the window of blocks around it (clipped at the page's edges), as a row
 * pass into `across` then a column pass back into `out` (which may be `values`: the column pass
 * reads only `across`). Whole numbers, exact in either order.
 */
function windowSums(values: usize, columns: i32, rows: i32, across: usize, out: usize): void {
  for (let by = 0; by < rows; by++) {
    const row = <usize>by * <usize>columns;
    for (let bx = 0; bx < columns; bx++) {
      let total: f64 = 0;
      const last = min(columns - 1, bx + WINDOW_BLOCKS);
      for (let xx = max(0, bx - WINDOW_BLOCKS); xx <= last; xx++)
        total += load<f64>(values + ((row + <usize>xx) << 3));
      store<f64>(across + ((row + <usize>bx) << 3), total);
    }
  }
  for (let by = 0; by < rows; by++) {
    const to = <usize>by * <usize>columns;
    const last = min(rows - 1, by + WINDOW_BLOCKS);
    for (let bx = 0; bx < columns; bx++) {
      let total: f64 = 0;
      for (let yy = max(0, by - WINDOW_BLOCKS); yy <= last; yy++)
        total += load<f64>(across + ((<usize>yy * <usize>columns + <usize>bx) << 3));
      store<f64>(out + ((to + <usize>bx) << 3), total);
    }
  }
}
