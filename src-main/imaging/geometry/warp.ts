/**
 * Resampling through an affine map (bilinear), in one pass over the output. Used for the
 * full-resolution page (once per page) and for the analysis view; pixels that fall outside the
 * source get `fill`.
 */
import type { RawImage } from '../raw.js';
import type { Plane } from '../pixels/grey.js';
import { FIXED_ONE, fixedSource, interiorColumns } from './rows.js';
import { isIntegerShift } from './transform.js';
import type { Affine, Size } from './transform.js';

/**
 * One channel through `m`; an integer shift is a plain copy. Inside the source the samples step
 * in fixed point with 8-bit interpolation weights (under two grey levels from exact even between
 * neighbours 255 apart); only the few pixels at the source's edges take the bounds-checked path.
 */
export function warpPlane(src: Plane, m: Affine, size: Size, fill: number): Plane {
  const out = new Uint8Array(size.width * size.height);
  if (isIntegerShift(m)) {
    copyShifted(src.data, src.width, src.height, 1, out, size, m.c, m.f, fill);
    return { data: out, width: size.width, height: size.height };
  }
  const { data, width: sw } = src;
  const stepX = Math.round(m.a * FIXED_ONE);
  const stepY = Math.round(m.d * FIXED_ONE);
  for (let y = 0; y < size.height; y++) {
    const row = y * size.width;
    const [lo, hi] = interiorColumns(m, y, size.width, src.width, src.height);
    for (let x = 0; x < lo; x++) out[row + x] = edgeSample(src, m, x, y, fill);
    let { sx, sy } = fixedSource(m, lo, y);
    for (let o = row + lo, end = row + hi; o < end; o++, sx += stepX, sy += stepY) {
      const i = (sy >> 16) * sw + (sx >> 16);
      const fx = (sx >> 8) & 255;
      const p00 = data[i]!;
      const p10 = data[i + sw]!;
      const top = (p00 << 8) + (data[i + 1]! - p00) * fx;
      const bottom = (p10 << 8) + (data[i + sw + 1]! - p10) * fx;
      out[o] = ((top << 8) + (bottom - top) * ((sy >> 8) & 255) + 32_768) >> 16;
    }
    for (let x = hi; x < size.width; x++) out[row + x] = edgeSample(src, m, x, y, fill);
  }
  return { data: out, width: size.width, height: size.height };
}

/** Output pixel (x, y) sampled with bounds checks: `fill` outside, the pixel itself on the last column or row. */
function edgeSample(src: Plane, m: Affine, x: number, y: number, fill: number): number {
  const { data, width: sw, height: sh } = src;
  const sx = m.a * x + m.b * y + m.c;
  const sy = m.d * x + m.e * y + m.f;
  if (sx < 0 || sy < 0 || sx > sw - 1 || sy > sh - 1) return fill;
  const ix = sx | 0;
  const iy = sy | 0;
  const fx = sx - ix;
  const i = iy * sw + ix;
  const right = ix < sw - 1 ? 1 : 0;
  const down = iy < sh - 1 ? sw : 0;
  const p00 = data[i]!;
  const p10 = data[i + down]!;
  const top = p00 + (data[i + right]! - p00) * fx;
  const bottom = p10 + (data[i + down + right]! - p10) * fx;
  return (top + (bottom - top) * (sy - iy) + 0.5) | 0;
}

/** Every channel of `image` through `m` (same dpi: the map does not scale). */
export function warpImage(image: RawImage, m: Affine, size: Size, fill: number): RawImage {
  const ch = image.channels;
  if (ch === 1) {
    return { ...image, ...warpPlane(image, m, size, fill), channels: 1 };
  }
  const out = new Uint8Array(size.width * size.height * ch);
  if (isIntegerShift(m)) {
    copyShifted(image.data, image.width, image.height, ch, out, size, m.c, m.f, fill);
    return { ...image, data: out, width: size.width, height: size.height };
  }
  const { data, width: sw, height: sh } = image;
  const stride = sw * ch;
  for (let y = 0, o = 0; y < size.height; y++) {
    let sx = m.b * y + m.c;
    let sy = m.e * y + m.f;
    for (let x = 0; x < size.width; x++, o += ch, sx += m.a, sy += m.d) {
      if (sx < 0 || sy < 0 || sx > sw - 1 || sy > sh - 1) {
        out.fill(fill, o, o + ch);
        continue;
      }
      const ix = sx | 0;
      const iy = sy | 0;
      const fx = sx - ix;
      const fy = sy - iy;
      const i = (iy * sw + ix) * ch;
      const right = ix < sw - 1 ? ch : 0;
      const down = iy < sh - 1 ? stride : 0;
      for (let c = 0; c < ch; c++) {
        const p00 = data[i + c]!;
        const p10 = data[i + down + c]!;
        const top = p00 + (data[i + right + c]! - p00) * fx;
        const bottom = p10 + (data[i + down + right + c]! - p10) * fx;
        out[o + c] = (top + (bottom - top) * fy + 0.5) | 0;
      }
    }
  }
  return { ...image, data: out, width: size.width, height: size.height };
}

/** Output row y is source row y + dy from column dx on; whatever lies outside gets `fill`. */
function copyShifted(
  src: Uint8Array,
  sw: number,
  sh: number,
  ch: number,
  out: Uint8Array,
  size: Size,
  dx: number,
  dy: number,
  fill: number,
): void {
  const x0 = Math.max(0, -dx);
  const x1 = Math.min(size.width, sw - dx);
  for (let y = 0; y < size.height; y++) {
    const row = y * size.width * ch;
    const sy = y + dy;
    if (sy < 0 || sy >= sh || x1 <= x0) {
      out.fill(fill, row, row + size.width * ch);
      continue;
    }
    if (x0 > 0) out.fill(fill, row, row + x0 * ch);
    if (x1 < size.width) out.fill(fill, row + x1 * ch, row + size.width * ch);
    const from = (sy * sw + x0 + dx) * ch;
    out.set(src.subarray(from, from + (x1 - x0) * ch), row + x0 * ch);
  }
}
