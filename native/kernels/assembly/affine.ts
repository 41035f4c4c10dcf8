/**
 * The page's affine map as the host lays it out (six f64: source = (a·x + b·y + c, d·x + e·y + f)
 * for output pixel (x, y)), read in place. Along an output row it says where the sample and its
 * right and lower neighbours lie inside the source, a pixel's margin either side: there the
 * resampling loops step in 16.16 fixed point without bounds checks.
 */

/** 16 fractional bits: across a 40 000-pixel row the accumulated step error stays under a pixel. */
const FIXED_ONE: f64 = 65536;

@unmanaged
export class Affine {
  a: f64;
  b: f64;
  c: f64;
  d: f64;
  e: f64;
  f: f64;

  /** Source x step per output pixel, 16.16 fixed point. */
  get stepX(): i32 {
    return <i32>Math.round(this.a * FIXED_ONE);
  }

  get stepY(): i32 {
    return <i32>Math.round(this.d * FIXED_ONE);
  }

  /** Source x of output pixel (x, y), 16.16 fixed point. */
  fixedX(x: i32, y: i32): i32 {
    return <i32>Math.round((this.a * x + this.b * y + this.c) * FIXED_ONE);
  }

  fixedY(x: i32, y: i32): i32 {
    return <i32>Math.round((this.d * x + this.e * y + this.f) * FIXED_ONE);
  }

  /** The first column of output row y whose sample lies inside an sw × sh source. */
  interiorStart(y: i32, sw: i32, sh: i32): i32 {
    return max(low(this.b * y + this.c, this.a, sw), low(this.e * y + this.f, this.d, sh));
  }

  /** One past the last such column (at most interiorStart when there is none). */
  interiorEnd(y: i32, sw: i32, sh: i32, width: i32): i32 {
    return min(
      high(this.b * y + this.c, this.a, sw, width),
      high(this.e * y + this.f, this.d, sh, width),
    );
  }
}

/** The first x ≥ 0 for which p0 + dp·x lies in [0, max − 1) with a pixel's margin. */
function low(p0: f64, dp: f64, max: i32): i32 {
  if (Math.abs(dp) < 1e-12) return 0;
  const a = (0 - p0) / dp;
  const b = (<f64>(max - 1) - p0) / dp;
  return <i32>Math.max(0, Math.ceil(Math.min(a, b)) + 1);
}

/** One past the last such x below width. */
function high(p0: f64, dp: f64, max: i32, width: i32): i32 {
  if (Math.abs(dp) < 1e-12) return p0 < 0 || p0 >= <f64>(max - 1) ? 0 : width;
  const a = (0 - p0) / dp;
  const b = (<f64>(max - 1) - p0) / dp;
  return <i32>Math.min(<f64>width, Math.floor(Math.max(a, b)) - 1);
}
