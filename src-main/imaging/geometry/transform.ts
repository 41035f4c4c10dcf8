/**
 * The one geometric transform a page goes through: undo the quarter turn it was scanned with,
 * turn the text lines level, cut out the paper. Kept as an affine map from output pixels back to
 * input pixels, so the pixels are resampled once, at whatever resolution is asked for (the
 * ~100 dpi analysis view, or full resolution).
 *
 * Frames: source (as scanned) → upright (quarter turn undone, same content) → straight (turned
 * clockwise by the skew about the centre, same size as upright) → output (a box of straight).
 */
import type { AffineMap } from '../kernels/index.js';

/** How far the source is turned clockwise from upright. */
export type QuarterTurn = 0 | 90 | 180 | 270;

/** source = (a·x + b·y + c, d·x + e·y + f) for output pixel (x, y); pixel centres at integers. */
export type Affine = AffineMap;

export interface PageGeometry {
  /** Source size in pixels. */
  width: number;
  height: number;
  quarter: QuarterTurn;
  /** Skew of the upright page: positive when lines rise to the right; undone by turning clockwise. */
  skewDegrees: number;
}

export interface Size {
  width: number;
  height: number;
}

/** The upright page's size: a sideways sheet swaps its sides. */
export function uprightSize(g: PageGeometry): Size {
  return g.quarter === 90 || g.quarter === 270
    ? { width: g.height, height: g.width }
    : { width: g.width, height: g.height };
}

/** Straight-frame pixel → source pixel, both at the source's resolution. */
export function straightToSource(g: PageGeometry): Affine {
  const { width: uw, height: uh } = uprightSize(g);
  const cx = (uw - 1) / 2;
  const cy = (uh - 1) / 2;
  // straight → upright: the page was turned clockwise by the skew, so turn back counter-clockwise
  const t = (g.skewDegrees * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const su: Affine = {
    a: cos,
    b: sin,
    c: cx - cos * cx - sin * cy,
    d: -sin,
    e: cos,
    f: cy + sin * cx - cos * cy,
  };
  return compose(uprightToSource(g), su);
}

/** Upright pixel → source pixel (exact: a quarter turn maps pixel centres onto pixel centres). */
function uprightToSource(g: PageGeometry): Affine {
  const w = g.width - 1;
  const h = g.height - 1;
  switch (g.quarter) {
    case 0:
      return { a: 1, b: 0, c: 0, d: 0, e: 1, f: 0 };
    case 90:
      return { a: 0, b: -1, c: w, d: 1, e: 0, f: 0 };
    case 180:
      return { a: -1, b: 0, c: w, d: 0, e: -1, f: h };
    case 270:
      return { a: 0, b: 1, c: 0, d: -1, e: 0, f: h };
  }
}

/** outer ∘ inner: apply `inner` first. */
export function compose(outer: Affine, inner: Affine): Affine {
  return {
    a: outer.a * inner.a + outer.b * inner.d,
    b: outer.a * inner.b + outer.b * inner.e,
    c: outer.a * inner.c + outer.b * inner.f + outer.c,
    d: outer.d * inner.a + outer.e * inner.d,
    e: outer.d * inner.b + outer.e * inner.e,
    f: outer.d * inner.c + outer.e * inner.f + outer.f,
  };
}

/** Shifts the output origin to (left, top): output pixel (0, 0) is (left, top) of the old output. */
export function offset(m: Affine, left: number, top: number): Affine {
  return compose(m, { a: 1, b: 0, c: left, d: 0, e: 1, f: top });
}

/**
 * The same map for images `factor` times smaller on both sides (a box-averaged view: its pixel
 * k covers source pixels [k·factor, (k+1)·factor), centred at k·factor + (factor − 1)/2).
 */
export function scaled(m: Affine, factor: number): Affine {
  const h = (factor - 1) / 2;
  // view x → full x·factor + h → map → (full − h) / factor
  const toFull: Affine = { a: factor, b: 0, c: h, d: 0, e: factor, f: h };
  const toView: Affine = {
    a: 1 / factor,
    b: 0,
    c: -h / factor,
    d: 0,
    e: 1 / factor,
    f: -h / factor,
  };
  return compose(toView, compose(m, toFull));
}

/** Whether the map is a pure translation by whole pixels (a copy, no resampling needed). */
export function isIntegerShift(m: Affine): boolean {
  return (
    m.a === 1 &&
    m.b === 0 &&
    m.d === 0 &&
    m.e === 1 &&
    Number.isInteger(m.c) &&
    Number.isInteger(m.f)
  );
}
