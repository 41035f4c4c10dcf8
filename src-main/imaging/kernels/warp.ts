/** Bilinear resampling of interleaved pixels through an affine map, in the kernels. */
import { kernels } from './instance.js';

/** source = (a·x + b·y + c, d·x + e·y + f) for output pixel (x, y); pixel centres at integers. */
export interface AffineMap {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

export interface Pixels {
  data: Uint8Array;
  width: number;
  height: number;
  channels: number;
}

/** `source` through `map` into width × height pixels (same channels); outside the source is `fill`. */
export function warpPixels(
  source: Pixels,
  map: AffineMap,
  size: { width: number; height: number },
  fill: number,
): Uint8Array {
  const { data, width: sw, height: sh, channels } = source;
  const outBytes = size.width * size.height * channels;
  const k = kernels();
  const [src, affine, out] = k.layout(data.length, 6 * 8, outBytes);
  k.bytes(src!, data.length).set(data);
  k.float64s(affine!, 6).set([map.a, map.b, map.c, map.d, map.e, map.f]);
  k.exports.warpImage(src!, sw, sh, channels, affine!, out!, size.width, size.height, fill);
  return k.bytes(out!, outBytes).slice();
}
