/**
 * Resampling through an affine map (bilinear), in one pass over the output: the page's one
 * transform at full resolution for grey and colour pages, and the analysis views. Inside the
 * source the samples step in 16.16 fixed point with 8-bit interpolation weights (under two grey
 * levels from exact even between neighbours 255 apart); only the pixels at the source's edges
 * take the bounds-checked path. Pixels that fall outside the source get `fill`.
 */
import { Affine } from './affine';

/**
 * `src` sw × sh pixels of `channels` interleaved bytes → `out` width × height, through the map
 * (six f64 at `map`: source = (a·x + b·y + c, d·x + e·y + f) for output pixel (x, y)).
 */
export function warpImage(
  src: usize,
  sw: i32,
  sh: i32,
  channels: i32,
  map: usize,
  out: usize,
  width: i32,
  height: i32,
  fill: u8,
): void {
  const m = changetype<Affine>(map);
  const stepX = m.stepX;
  const stepY = m.stepY;
  const ch = <usize>channels;
  const stride = <usize>sw * ch;
  for (let y = 0; y < height; y++) {
    const lo = m.interiorStart(y, sw, sh);
    const hi = max(lo, m.interiorEnd(y, sw, sh, width));
    const row = out + <usize>y * <usize>width * ch;
    for (let x = 0; x < lo; x++) edgeSample(src, sw, sh, ch, m, x, y, fill, row + <usize>x * ch);
    let sx = m.fixedX(lo, y);
    let sy = m.fixedY(lo, y);
    for (let x = lo; x < hi; x++, sx += stepX, sy += stepY) {
      const i = src + <usize>(sy >> 16) * stride + <usize>(sx >> 16) * ch;
      const fx = (sx >> 8) & 255;
      const fy = (sy >> 8) & 255;
      const o = row + <usize>x * ch;
      for (let k: usize = 0; k < ch; k++) {
        const p00 = <i32>load<u8>(i + k);
        const p10 = <i32>load<u8>(i + stride + k);
        const top = (p00 << 8) + (<i32>load<u8>(i + ch + k) - p00) * fx;
        const bottom = (p10 << 8) + (<i32>load<u8>(i + stride + ch + k) - p10) * fx;
        store<u8>(o + k, <u8>(((top << 8) + (bottom - top) * fy + 32768) >> 16));
      }
    }
    for (let x = hi; x < width; x++)
      edgeSample(src, sw, sh, ch, m, x, y, fill, row + <usize>x * ch);
  }
}

/** Output pixel (x, y) sampled with bounds checks: `fill` outside, the edge pixel itself past the last column or row. */
function edgeSample(
  src: usize,
  sw: i32,
  sh: i32,
  ch: usize,
  m: Affine,
  x: i32,
  y: i32,
  fill: u8,
  o: usize,
): void {
  const sx = m.a * x + m.b * y + m.c;
  const sy = m.d * x + m.e * y + m.f;
  if (sx < 0 || sy < 0 || sx > <f64>(sw - 1) || sy > <f64>(sh - 1)) {
    memory.fill(o, fill, ch);
    return;
  }
  const ix = <i32>sx;
  const iy = <i32>sy;
  const fx = sx - <f64>ix;
  const fy = sy - <f64>iy;
  const stride = <usize>sw * ch;
  const i = src + <usize>iy * stride + <usize>ix * ch;
  const right: usize = ix < sw - 1 ? ch : 0;
  const down: usize = iy < sh - 1 ? stride : 0;
  for (let k: usize = 0; k < ch; k++) {
    const p00 = <f64>load<u8>(i + k);
    const p10 = <f64>load<u8>(i + down + k);
    const top = p00 + (<f64>load<u8>(i + right + k) - p00) * fx;
    const bottom = p10 + (<f64>load<u8>(i + down + right + k) - p10) * fx;
    store<u8>(o + k, <u8>(<i32>(top + (bottom - top) * fy + 0.5)));
  }
}
