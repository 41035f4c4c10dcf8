/**
 * Scanner-border and black-edge removal: trim the rows and columns where the scanner bed
 * dominates, then paint what is left of the bed (the wedges of a skewed sheet, a copier's black
 * edge) with the paper grey, so nothing dark is left at the edges for OCR, blank detection or
 * the encoder to pay for.
 */
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

export function removeBorders(
  image: RawImage,
  view: AnalysisView,
): { image: RawImage; report: CropReport } {
  const f = view.factor;
  const paperBox = findPaper(view);
  const box: Box = {
    left: paperBox.left * f,
    top: paperBox.top * f,
    width: Math.min(image.width - paperBox.left * f, paperBox.width * f),
    height: Math.min(image.height - paperBox.top * f, paperBox.height * f),
  };
  const ch = image.channels;
  const out = new Uint8Array(box.width * box.height * ch);
  const rowBytes = box.width * ch;
  for (let y = 0; y < box.height; y++) {
    const from = ((box.top + y) * image.width + box.left) * ch;
    out.set(image.data.subarray(from, from + rowBytes), y * rowBytes);
  }
  // paint bed cells inside the box, grown by one cell so their soft edges go too
  const { width: vw } = view.plane;
  const paper = view.levels.paper;
  let filled = 0;
  for (let vy = paperBox.top; vy < paperBox.top + paperBox.height; vy++) {
    for (let vx = paperBox.left; vx < paperBox.left + paperBox.width; vx++) {
      if (!nearBed(view.bed, vw, view.plane.height, vx, vy)) continue;
      filled++;
      const x0 = (vx - paperBox.left) * f;
      const y0 = (vy - paperBox.top) * f;
      for (let y = y0; y < Math.min(y0 + f, box.height); y++) {
        const row = y * rowBytes;
        out.fill(paper, row + x0 * ch, row + Math.min(x0 + f, box.width) * ch);
      }
    }
  }
  return {
    image: { ...image, data: out, width: box.width, height: box.height },
    report: {
      box,
      filledFraction: Math.round((filled / (paperBox.width * paperBox.height)) * 1e4) / 1e4,
    },
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
