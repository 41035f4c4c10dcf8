/**
 * Resampling through an affine map (bilinear, in the kernels: 16.16 fixed-point steps and 8-bit
 * weights inside the source, bounds-checked at its edges), in one pass over the output. Used for
 * the full-resolution page (once per page) and for the analysis view; pixels that fall outside
 * the source get `fill`.
 */
import { warpPixels } from '../kernels/index.js';
import type { RawImage } from '../raw.js';
import type { Plane } from '../pixels/grey.js';
import { isIntegerShift } from './transform.js';
import type { Affine, Size } from './transform.js';

/** One channel through `m`; an integer shift is a plain copy. */
export function warpPlane(src: Plane, m: Affine, size: Size, fill: number): Plane {
  const out = isIntegerShift(m)
    ? shifted(src.data, src.width, src.height, 1, size, m, fill)
    : warpPixels({ ...src, channels: 1 }, m, size, fill);
  return { data: out, width: size.width, height: size.height };
}

/** Every channel of `image` through `m` (same dpi: the map does not scale). */
export function warpImage(image: RawImage, m: Affine, size: Size, fill: number): RawImage {
  const data = isIntegerShift(m)
    ? shifted(image.data, image.width, image.height, image.channels, size, m, fill)
    : warpPixels(image, m, size, fill);
  return { ...image, data, width: size.width, height: size.height };
}

function shifted(
  src: Uint8Array,
  sw: number,
  sh: number,
  ch: number,
  size: Size,
  m: Affine,
  fill: number,
): Uint8Array {
  const out = new Uint8Array(size.width * size.height * ch);
  copyShifted(src, sw, sh, ch, out, size, m.c, m.f, fill);
  return out;
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
