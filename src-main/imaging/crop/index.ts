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

/** The paper found on an analysis view: where to cut, and which cells to paint over. */
export interface PaperCut {
  /** The paper, in analysis pixels. */
  box: Box;
  /** One per analysis pixel of the box: 1 where the bed (grown by a cell) still shows. */
  paint: Uint8Array;
  /** The view of the cut: bed painted with the paper grey, levels measured afresh. */
  view: AnalysisView;
  /** Share of the box that gets painted. */
  filledFraction: number;
}

/** Finds the paper on `view` and the bed cells left inside it, without touching full resolution. */
export function cutPaper(view: AnalysisView): PaperCut {
  const box = findPaper(view);
  const vw = view.plane.width;
  const paper = view.levels.paper;
  const plane = new Uint8Array(box.width * box.height);
  const paint = new Uint8Array(box.width * box.height);
  for (let y = 0; y < box.height; y++) {
    const from = (box.top + y) * vw + box.left;
    plane.set(view.plane.data.subarray(from, from + box.width), y * box.width);
  }
  // bed pixels grown by one in all eight directions, so their soft edges go too: each run of bed
  // on a view row paints one column more on either side, on that row and the rows next to it
  for (let y = -1; y <= box.height; y++) {
    const vy = box.top + y;
    if (vy < 0 || vy >= view.plane.height) continue;
    const from = vy * vw + Math.max(0, box.left - 1);
    const row = view.bed.subarray(from, vy * vw + Math.min(vw, box.left + box.width + 1));
    for (let start = row.indexOf(1); start !== -1;) {
      let end = row.indexOf(0, start);
      if (end === -1) end = row.length;
      const x0 = Math.max(0, from - vy * vw + start - 1 - box.left);
      const x1 = Math.min(box.width, from - vy * vw + end + 1 - box.left);
      for (let py = Math.max(0, y - 1); py <= Math.min(box.height - 1, y + 1); py++) {
        paint.fill(1, py * box.width + x0, py * box.width + x1);
        plane.fill(paper, py * box.width + x0, py * box.width + x1);
      }
      start = end < row.length ? row.indexOf(1, end) : -1;
    }
  }
  let filled = 0;
  for (let i = 0; i < paint.length; i++) filled += paint[i]!;
  const cutPlane = { data: plane, width: box.width, height: box.height };
  return {
    box,
    paint,
    view: {
      ...view,
      plane: cutPlane,
      bed: new Uint8Array(plane.length),
      levels: measureLevels(cutPlane),
    },
    filledFraction: Math.round((filled / plane.length) * 1e4) / 1e4,
  };
}

/** Fills every painted cell (`factor`² full-resolution pixels each) with `paper`. */
export function paintCells(image: RawImage, cut: PaperCut, factor: number, paper: number): void {
  const ch = image.channels;
  const cols = cut.box.width;
  for (let cy = 0; cy < cut.box.height; cy++) {
    for (let cx = 0; cx < cols; cx++) {
      if (cut.paint[cy * cols + cx] === 0) continue;
      const x0 = Math.min(image.width, cx * factor);
      const x1 = Math.min(image.width, (cx + 1) * factor);
      for (let y = cy * factor; y < Math.min(image.height, (cy + 1) * factor); y++)
        image.data.fill(paper, (y * image.width + x0) * ch, (y * image.width + x1) * ch);
    }
  }
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
  const cut = cutPaper(view);
  const box = scaleBox(cut.box, f);
  const ch = image.channels;
  const out = new Uint8Array(box.width * box.height * ch);
  const rowBytes = box.width * ch;
  for (let y = 0; y < box.height; y++) {
    const from = ((box.top + y) * image.width + box.left) * ch;
    out.set(image.data.subarray(from, from + rowBytes), y * rowBytes);
  }
  const cropped: RawImage = { ...image, data: out, width: box.width, height: box.height };
  paintCells(cropped, cut, f, view.levels.paper);
  return { image: cropped, view: cut.view, report: { box, filledFraction: cut.filledFraction } };
}

/** An analysis-pixel box in full-resolution pixels. */
export function scaleBox(box: Box, factor: number): Box {
  return {
    left: box.left * factor,
    top: box.top * factor,
    width: box.width * factor,
    height: box.height * factor,
  };
}
