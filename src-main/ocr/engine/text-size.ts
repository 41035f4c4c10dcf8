/**
 * How tall the page's letters are, measured as the median height of letter-sized ink blobs
 * (8-connected components of the Otsu-thresholded page). The median is dominated by x-height
 * letters; Vietnamese diacritics, dots and noise are separate, smaller blobs and fall below it,
 * table rules and seals are filtered out by shape.
 *
 * Components are found on horizontal ink runs with union-find, so the cost is one pass over the
 * pixels plus work proportional to the number of runs (a few hundred thousand on a text page).
 */

/** Fewer letter-sized blobs than this and the page has too little text to judge. */
const MIN_GLYPHS = 40;
/** Above this many runs the page is noise or a photo, not text; no estimate. */
const MAX_RUNS = 2_000_000;
/** Blobs shorter than this many pixels are specks or diacritics at any useful resolution. */
const MIN_GLYPH_PX = 5;
/** The histogram reads one pixel in this many; a prime, so no column pattern is favoured. */
const HISTOGRAM_STRIDE = 7;

/**
 * Median letter height in pixels of a greyscale page (dark ink on light paper), or undefined when
 * the page holds too little text (or is inverted, or is noise) to say.
 */
export function medianGlyphHeight(
  grey: Uint8Array,
  width: number,
  height: number,
): number | undefined {
  const threshold = otsuThreshold(grey);
  const runs = inkRuns(grey, width, height, threshold);
  if (runs === undefined) return undefined;
  const boxes = componentBoxes(runs);
  const heights: number[] = [];
  // a tenth of the page's long side: far above any body text, below frames and seals
  const maxGlyph = Math.max(width, height) / 10;
  for (let i = 0; i < boxes.count; i++) {
    const h = boxes.y1[i]! - boxes.y0[i]! + 1;
    const w = boxes.x1[i]! - boxes.x0[i]! + 1;
    // letters (also two or three touching ones); not rules, frames, seals, stamps or specks
    if (h >= MIN_GLYPH_PX && h <= maxGlyph && w <= 3 * h) heights.push(h);
  }
  if (heights.length < MIN_GLYPHS) return undefined;
  heights.sort((a, b) => a - b);
  return heights[heights.length >> 1];
}

/** Otsu's threshold over the grey histogram (every few pixels is plenty): ink is strictly below it. */
function otsuThreshold(grey: Uint8Array): number {
  const hist = new Uint32Array(256);
  let total = 0;
  for (let i = 0; i < grey.length; i += HISTOGRAM_STRIDE, total++) hist[grey[i]!]! += 1;
  let sumAll = 0;
  for (let v = 0; v < 256; v++) sumAll += v * hist[v]!;
  let below = 0;
  let sumBelow = 0;
  let best = 0;
  let threshold = 128;
  for (let v = 0; v < 256; v++) {
    below += hist[v]!;
    if (below === 0) continue;
    const above = total - below;
    if (above === 0) break;
    sumBelow += v * hist[v]!;
    const meanBelow = sumBelow / below;
    const meanAbove = (sumAll - sumBelow) / above;
    const between = below * above * (meanBelow - meanAbove) ** 2;
    if (between > best) {
      best = between;
      threshold = v + 1;
    }
  }
  return threshold;
}

interface Runs {
  count: number;
  row: Int32Array;
  x0: Int32Array;
  /** Exclusive. */
  x1: Int32Array;
  /** Index of each row's first run; rowStart[height] = count. */
  rowStart: Int32Array;
}

function inkRuns(
  grey: Uint8Array,
  width: number,
  height: number,
  threshold: number,
): Runs | undefined {
  let capacity = 1 << 16;
  let row = new Int32Array(capacity);
  let x0 = new Int32Array(capacity);
  let x1 = new Int32Array(capacity);
  const rowStart = new Int32Array(height + 1);
  let count = 0;
  let ink = 0;
  for (let y = 0; y < height; y++) {
    rowStart[y] = count;
    const base = y * width;
    let x = 0;
    while (x < width) {
      while (x < width && grey[base + x]! >= threshold) x++;
      if (x >= width) break;
      const start = x;
      while (x < width && grey[base + x]! < threshold) x++;
      if (count === capacity) {
        if (capacity >= MAX_RUNS) return undefined;
        capacity *= 2;
        row = grown(row, capacity);
        x0 = grown(x0, capacity);
        x1 = grown(x1, capacity);
      }
      row[count] = y;
      x0[count] = start;
      x1[count] = x;
      ink += x - start;
      count++;
    }
  }
  rowStart[height] = count;
  // more ink than paper: an inverted or photographic page, where blob sizes say nothing
  if (ink > (width * height) / 2) return undefined;
  return { count, row, x0, x1, rowStart };
}

function grown(a: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(capacity);
  b.set(a);
  return b;
}

interface Boxes {
  count: number;
  x0: Int32Array;
  y0: Int32Array;
  x1: Int32Array;
  y1: Int32Array;
}

/** Bounding boxes of the 8-connected components the runs form. */
function componentBoxes(runs: Runs): Boxes {
  const parent = new Int32Array(runs.count);
  for (let i = 0; i < runs.count; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let y = 1; y < runs.rowStart.length - 1; y++) {
    let p = runs.rowStart[y - 1]!;
    const pEnd = runs.rowStart[y]!;
    const cEnd = runs.rowStart[y + 1]!;
    for (let c = runs.rowStart[y]!; c < cEnd; c++) {
      // runs touch (diagonals included) when they overlap after widening by one pixel
      while (p < pEnd && runs.x1[p]! < runs.x0[c]!) p++;
      for (let q = p; q < pEnd && runs.x0[q]! <= runs.x1[c]!; q++) {
        const a = find(c);
        const b = find(q);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }
  const index = new Int32Array(runs.count).fill(-1);
  const boxes: Boxes = {
    count: 0,
    x0: new Int32Array(runs.count),
    y0: new Int32Array(runs.count),
    x1: new Int32Array(runs.count),
    y1: new Int32Array(runs.count),
  };
  for (let i = 0; i < runs.count; i++) {
    const root = find(i);
    let k = index[root]!;
    if (k < 0) {
      k = boxes.count++;
      index[root] = k;
      boxes.x0[k] = runs.x0[i]!;
      boxes.x1[k] = runs.x1[i]! - 1;
      boxes.y0[k] = runs.row[i]!;
      boxes.y1[k] = runs.row[i]!;
      continue;
    }
    boxes.x0[k] = Math.min(boxes.x0[k]!, runs.x0[i]!);
    boxes.x1[k] = Math.max(boxes.x1[k]!, runs.x1[i]! - 1);
    boxes.y1[k] = Math.max(boxes.y1[k]!, runs.row[i]!);
  }
  return boxes;
}
