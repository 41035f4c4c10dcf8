/**
 * Scanner-border and black-edge removal: trim the rows and columns where the scanner bed
 * dominates, then paint what is left of the bed (the wedges of a skewed sheet, a copier's black
 * edge) with the paper grey, so nothing dark is left at the edges for OCR, blank detection or
 * the encoder to pay for.
 */
import { measureLevels } from '../pixels/levels.js';
import type { AnalysisView } from '../pixels/view.js';
import type { RawImage } from '../raw.js';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface CropReport {
  /** The paper, in the pixels of the stage's input. */
  box: Box;
  /** Share of the kept area that was scanner bed and got painted over. */
  filledFraction: number;
}

/** A side is trimmed while more than this share of its outermost row/column is bed. */
const TRIM_SHARE = 0.5;

/** The paper's box in analysis pixels. */
export function findPaper(view: AnalysisView): Box {
  const { width, height } = view.plane;
  const bed = view.bed;
  let top = 0;
  let bottom = height - 1;
  let left = 0;
  let right = width - 1;
  const rowShare = (y: number): number => {
    let n = 0;
    for (let x = left; x <= right; x++) n += bed[y * width + x]!;
    return n / (right - left + 1);
  };
  const colShare = (x: number): number => {
    let n = 0;
    for (let y = top; y <= bottom; y++) n += bed[y * width + x]!;
    return n / (bottom - top + 1);
  };
  let changed = true;
  while (changed && bottom - top > 8 && right - left > 8) {
    const trimTop = rowShare(top) > TRIM_SHARE;
    const trimBottom = rowShare(bottom) > TRIM_SHARE;
    const trimLeft = colShare(left) > TRIM_SHARE;
    const trimRight = colShare(right) > TRIM_SHARE;
    if (trimTop) top++;
    if (trimBottom) bottom--;
    if (trimLeft) left++;
    if (trimRight) right--;
    changed = trimTop || trimBottom || trimLeft || trimRight;
  }
  return { left, top, width: right - left + 1, height: bottom - top + 1 };
}

/**
 * Crops `image` to the paper and paints the remaining bed; also returns the analysis view of the
 * result, cut from `view` rather than recomputed (the box is aligned to analysis pixels).
 */
export function removeBorders(
  image: RawImage,
  view: AnalysisView,
): { image: RawImage; view: AnalysisView; report: CropReport } {
  const f = view.factor;
  const paperBox = findPaper(view);
  const box: Box = {
    left: paperBox.left * f,
    top: paperBox.top * f,
    width: paperBox.width * f,
    height: paperBox.height * f,
  };
  const ch = image.channels;
  const out = new Uint8Array(box.width * box.height * ch);
  const rowBytes = box.width * ch;
  for (let y = 0; y < box.height; y++) {
    const from = ((box.top + y) * image.width + box.left) * ch;
    out.set(image.data.subarray(from, from + rowBytes), y * rowBytes);
  }
  const vw = view.plane.width;
  const paper = view.levels.paper;
  const plane = new Uint8Array(paperBox.width * paperBox.height);
  let filled = 0;
  const anyBed = view.bed.includes(1);
  for (let y = 0; y < paperBox.height; y++) {
    const vy = paperBox.top + y;
    plane.set(
      view.plane.data.subarray(vy * vw + paperBox.left, vy * vw + paperBox.left + paperBox.width),
      y * paperBox.width,
    );
    for (let x = 0; anyBed && x < paperBox.width; x++) {
      // bed cells grown by one cell, so their soft edges go too
      if (!nearBed(view.bed, vw, view.plane.height, paperBox.left + x, vy)) continue;
      filled++;
      plane[y * paperBox.width + x] = paper;
      for (let yy = y * f; yy < (y + 1) * f; yy++)
        out.fill(paper, (yy * box.width + x * f) * ch, (yy * box.width + (x + 1) * f) * ch);
    }
  }
  const cutPlane = { data: plane, width: paperBox.width, height: paperBox.height };
  return {
    image: { ...image, data: out, width: box.width, height: box.height },
    view: {
      ...view,
      plane: cutPlane,
      bed: new Uint8Array(plane.length),
      levels: measureLevels(cutPlane),
    },
    report: { box, filledFraction: Math.round((filled / plane.length) * 1e4) / 1e4 },
  };
}

function nearBed(bed: Uint8Array, width: number, height: number, x: number, y: number): boolean {
  for (let dy = -1; dy <= 1; dy++) {
    const yy = y + dy;
    if (yy < 0 || yy >= height) continue;
    for (let dx = -1; dx <= 1; dx++) {
      const xx = x + dx;
      if (xx >= 0 && xx < width && bed[yy * width + xx] === 1) return true;
    }
  }
  return false;
}
