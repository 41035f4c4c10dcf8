/**
 * Connected ink components of a black-and-white plane, found on horizontal runs. A text page has
 * about a hundred thousand runs against millions of pixels.
 *
 * The runs (0 = ink, anything else paper), row by row, left to right: sixteen pixels are tested
 * per step, and the first ink (or paper) pixel among them is found from the comparison's bit
 * mask, so paper and long strokes cost one step per 16 pixels.
 */

/**
 * Writes each run's row, first column and one-past-last column (32-bit each) to `rows`,
 * `starts` and `ends`; returns how many runs there are, or −1 when there are more than
 * `capacity` (the caller retries with room for more).
 */
export function inkRuns(
  src: usize,
  width: i32,
  height: i32,
  rows: usize,
  starts: usize,
  ends: usize,
  capacity: i32,
): i32 {
  const zero = i8x16.splat(0);
  let count = 0;
  for (let y = 0; y < height; y++) {
    const row = src + <usize>y * <usize>width;
    let x = 0;
    while (x < width) {
      if (x + 16 <= width) {
        const ink = i8x16.bitmask(i8x16.eq(v128.load(row + <usize>x), zero));
        if (ink == 0) {
          x += 16;
          continue;
        }
        x += ctz(ink);
      } else if (load<u8>(row + <usize>x) != 0) {
        x++;
        continue;
      }
      const start = x;
      while (x < width) {
        if (x + 16 <= width) {
          const paper = i8x16.bitmask(i8x16.ne(v128.load(row + <usize>x), zero));
          if (paper == 0) {
            x += 16;
            continue;
          }
          x += ctz(paper);
          break;
        }
        if (load<u8>(row + <usize>x) != 0) break;
        x++;
      }
      if (count == capacity) return -1;
      const at = (<usize>count) << 2;
      store<i32>(rows + at, y);
      store<i32>(starts + at, start);
      store<i32>(ends + at, x);
      count++;
    }
  }
  return count;
}

/**
 * Joins `count` runs (as inkRuns leaves them) into 8-connected components: each run is united
 * (union–find, the smaller index the root) with the runs of the row above it overlaps or touches
 * at a corner. Writes each run's component to `labels` and per component its pixel count and
 * inclusive bounding box to `area`, `left`, `top`, `right`, `bottom` (components numbered in
 * the order of their first run); returns how many components there are. `parent` is scratch.
 */
export function labelRuns(
  rows: usize,
  starts: usize,
  ends: usize,
  count: i32,
  parent: usize,
  labels: usize,
  area: usize,
  left: usize,
  top: usize,
  right: usize,
  bottom: usize,
): i32 {
  for (let i = 0; i < count; i++) store<i32>(parent + ((<usize>i) << 2), i);
  let previousStart = 0;
  let previousEnd = 0;
  for (let i = 0; i < count;) {
    const row = load<i32>(rows + ((<usize>i) << 2));
    let rowEnd = i;
    while (rowEnd < count && load<i32>(rows + ((<usize>rowEnd) << 2)) == row) rowEnd++;
    if (previousEnd > previousStart && load<i32>(rows + ((<usize>previousStart) << 2)) == row - 1) {
      let p = previousStart;
      for (let r = i; r < rowEnd; r++) {
        // 8-connectivity: a run touches the runs above from one column before to one after it
        const from = load<i32>(starts + ((<usize>r) << 2)) - 1;
        const to = load<i32>(ends + ((<usize>r) << 2)) + 1;
        while (p < previousEnd && load<i32>(ends + ((<usize>p) << 2)) <= from) p++;
        for (let q = p; q < previousEnd && load<i32>(starts + ((<usize>q) << 2)) < to; q++) {
          const a = find(parent, r);
          const b = find(parent, q);
          if (a != b) store<i32>(parent + ((<usize>max(a, b)) << 2), min(a, b));
        }
      }
    }
    previousStart = i;
    previousEnd = rowEnd;
    i = rowEnd;
  }
  // a set's root is its first run, so it is numbered before any other run of the set
  let components = 0;
  for (let r = 0; r < count; r++) {
    const at = (<usize>r) << 2;
    const root = find(parent, r);
    const x0 = load<i32>(starts + at);
    const x1 = load<i32>(ends + at) - 1;
    const y = load<i32>(rows + at);
    let c: i32;
    if (root == r) {
      c = components++;
      const ca = (<usize>c) << 2;
      store<i32>(area + ca, 0);
      store<i32>(left + ca, x0);
      store<i32>(top + ca, y);
      store<i32>(right + ca, x1);
    } else {
      c = load<i32>(labels + ((<usize>root) << 2));
      const ca = (<usize>c) << 2;
      if (x0 < load<i32>(left + ca)) store<i32>(left + ca, x0);
      if (x1 > load<i32>(right + ca)) store<i32>(right + ca, x1);
    }
    const ca = (<usize>c) << 2;
    store<i32>(labels + at, c);
    store<i32>(bottom + ca, y);
    store<i32>(area + ca, load<i32>(area + ca) + x1 + 1 - x0);
  }
  return components;
}

/** The root of run i's set, halving the path on the way. */
function find(parent: usize, i: i32): i32 {
  while (true) {
    const p = load<i32>(parent + ((<usize>i) << 2));
    if (p == i) return i;
    const grand = load<i32>(parent + ((<usize>p) << 2));
    store<i32>(parent + ((<usize>i) << 2), grand);
    i = grand;
  }
}
