/**
 * Cleaning: despeckle (dust and toner specks: tiny ink components with nothing else near them;
 * Vietnamese diacritics are just as small but sit next to their letter, so they stay) and
 * background normalisation (paper to white, ink to black) so the encoder spends no bytes on
 * paper texture or faint bleed-through.
 */
import type { RawImage } from '../raw.js';
import type { Labelled } from '../kernels/index.js';

export { inkComponents } from '../kernels/index.js';
export type { Components, Labelled } from '../kernels/index.js';

export interface DespeckleReport {
  specksRemoved: number;
}

const MM_PER_INCH = 25.4;
/** Largest speck, in mm² (a dust grain; the dot of "ạ" at 12 pt is ~0.1 mm²). */
const SPECK_MAX_MM2 = 0.06;
/** A speck is isolated when no other ink lies within this distance. */
const ISOLATION_MM = 1;

/**
 * Paints isolated specks with the paper grey on `image` and white on the black-and-white plane
 * `bw` (0 = ink, 255 = paper; it may be `image`'s own pixels).
 */
export function despeckle(
  image: RawImage,
  bw: Uint8Array,
  labelled: Labelled,
  paper: number,
): DespeckleReport {
  const pxPerMm = image.dpi / MM_PER_INCH;
  const maxArea = Math.max(1, Math.round(SPECK_MAX_MM2 * pxPerMm * pxPerMm));
  const cell = Math.max(2, Math.round(ISOLATION_MM * pxPerMm));
  const gw = Math.ceil(image.width / cell);
  const gh = Math.ceil(image.height / cell);
  const grid = new Float64Array(gw * gh);
  const { runs, components } = labelled;
  for (let r = 0; r < runs.count; r++) {
    const y = runs.y[r]!;
    const row = ((y / cell) | 0) * gw;
    const x0 = runs.x0[r]!;
    const x1 = runs.x1[r]!;
    for (let cx = (x0 / cell) | 0; cx * cell < x1; cx++) {
      grid[row + cx] = grid[row + cx]! + Math.min(x1, (cx + 1) * cell) - Math.max(x0, cx * cell);
    }
  }
  const speck = new Uint8Array(components.count);
  let removed = 0;
  for (let i = 0; i < components.count; i++) {
    const area = components.area[i]!;
    if (area > maxArea) continue;
    const gx = (((components.left[i]! + components.right[i]!) >> 1) / cell) | 0;
    const gy = (((components.top[i]! + components.bottom[i]!) >> 1) / cell) | 0;
    let around = 0;
    for (let y = Math.max(0, gy - 1); y <= Math.min(gh - 1, gy + 1); y++) {
      for (let x = Math.max(0, gx - 1); x <= Math.min(gw - 1, gx + 1); x++)
        around += grid[y * gw + x]!;
    }
    if (around - area > 0) continue;
    speck[i] = 1;
    removed++;
  }
  if (removed === 0) return { specksRemoved: 0 };
  const ch = image.channels;
  const { data, width, height } = image;
  for (let r = 0; r < runs.count; r++) {
    if (speck[runs.label[r]!] !== 1) continue;
    const y = runs.y[r]!;
    bw.fill(255, y * width + runs.x0[r]!, y * width + runs.x1[r]!);
    // one pixel of margin takes the speck's soft edge too
    for (let yy = Math.max(0, y - 1); yy <= Math.min(height - 1, y + 1); yy++) {
      const from = (yy * width + Math.max(0, runs.x0[r]! - 1)) * ch;
      const to = (yy * width + Math.min(width, runs.x1[r]! + 1)) * ch;
      data.fill(paper, from, to);
    }
  }
  return { specksRemoved: removed };
}

/** Stretches grey levels so `paper` and brighter become white and `ink` black (every channel). */
export function normaliseLevels(image: RawImage, paper: number, ink: number): RawImage {
  const white = Math.max(ink + 32, paper - 12);
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++)
    lut[v] = Math.max(0, Math.min(255, Math.round(((v - ink) * 255) / (white - ink))));
  const src = image.data;
  const out = new Uint8Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = lut[src[i]!]!;
  return { ...image, data: out };
}
