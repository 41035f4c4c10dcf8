/**
 * The ~100 dpi analysis view: luma box-averaged by an integer factor (every source pixel of a
 * factor × factor box counts once). Grey columns are summed down the box sixteen at a time.
 */

/**
 * Grey `src` (width × height) → `dst` (⌊width / factor⌋ × ⌊height / factor⌋). `sums` is scratch
 * space for one row of 16-bit column sums (2 · width bytes); factor ≤ 16 keeps them in 16 bits.
 */
export function shrinkGrey(
  src: usize,
  width: i32,
  height: i32,
  factor: i32,
  dst: usize,
  sums: usize,
): void {
  const outWidth = width / factor;
  const outHeight = height / factor;
  const area = <u32>(factor * factor);
  for (let oy = 0; oy < outHeight; oy++) {
    const top = src + <usize>(oy * factor) * <usize>width;
    let x = 0;
    for (; x + 16 <= width; x += 16) {
      let low = i16x8.splat(0);
      let high = i16x8.splat(0);
      for (let r = 0; r < factor; r++) {
        const v = v128.load(top + <usize>r * <usize>width + <usize>x);
        low = i16x8.add(low, i16x8.extend_low_i8x16_u(v));
        high = i16x8.add(high, i16x8.extend_high_i8x16_u(v));
      }
      v128.store(sums + ((<usize>x) << 1), low);
      v128.store(sums + ((<usize>x) << 1) + 16, high);
    }
    for (; x < width; x++) {
      let s: u32 = 0;
      for (let r = 0; r < factor; r++) s += load<u8>(top + <usize>r * <usize>width + <usize>x);
      store<u16>(sums + ((<usize>x) << 1), <u16>s);
    }
    boxRow(sums, 16, outWidth, factor, area, dst + <usize>oy * <usize>outWidth);
  }
}

/** Interleaved RGB / RGBA `src` → the box-averaged luma (Rec. 601, integer weights as pixels/grey.ts). */
export function shrinkLuma(
  src: usize,
  width: i32,
  height: i32,
  channels: i32,
  factor: i32,
  dst: usize,
  sums: usize,
): void {
  const outWidth = width / factor;
  const outHeight = height / factor;
  const area = <u32>(factor * factor);
  const stride = <usize>width * <usize>channels;
  for (let oy = 0; oy < outHeight; oy++) {
    memory.fill(sums, 0, (<usize>width) << 2);
    for (let r = 0; r < factor; r++) {
      let p = src + <usize>(oy * factor + r) * stride;
      for (let x = 0; x < width; x++, p += <usize>channels) {
        const y =
          (<u32>load<u8>(p) * 77 + <u32>load<u8>(p, 1) * 150 + <u32>load<u8>(p, 2) * 29) >> 8;
        const at = sums + ((<usize>x) << 2);
        store<u32>(at, load<u32>(at) + y);
      }
    }
    boxRow(sums, 32, outWidth, factor, area, dst + <usize>oy * <usize>outWidth);
  }
}

/**
 * Sums `factor` neighbouring column sums (16- or 32-bit) into each output pixel, rounded. The
 * division is a multiplication by 2³² / area rounded up, exact while sum · area < 2³² (sums
 * stay below 2¹⁶ and areas at most 256 with factor ≤ 16).
 */
function boxRow(sums: usize, bits: i32, outWidth: i32, factor: i32, area: u32, out: usize): void {
  const half = area >> 1;
  const reciprocal = (<u64>0x100000000 + <u64>area - 1) / <u64>area;
  let column: usize = 0;
  for (let ox = 0; ox < outWidth; ox++) {
    let s: u32 = 0;
    for (let k = 0; k < factor; k++, column++) {
      s += bits == 16 ? <u32>load<u16>(sums + (column << 1)) : load<u32>(sums + (column << 2));
    }
    store<u8>(out + <usize>ox, <u8>((<u64>(s + half) * reciprocal) >> 32));
  }
}
