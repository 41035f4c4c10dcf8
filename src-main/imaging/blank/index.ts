/**
 * Blank-page detection. What counts is ink that could be writing: components of the cleaned
 * ink mask at least the size of a letter stroke. Scanner noise and bleed-through never become
 * ink (Sauvola), specks are too small, so they leave a page blank; one short handwritten or
 * printed line is tens of mm² and does not. A blank page is flagged, never dropped.
 */
import type { Components } from '../clean/index.js';

export interface BlankOptions {
  /** A page with less writing-sized ink than this (mm²) is blank (default 3 mm², about two letters). */
  maxInkMm2: number;
}

export interface BlankReport {
  blank: boolean;
  /** 1 for bare paper, 0.5 at the threshold, towards 0 as ink grows: maxInk / (maxInk + ink). */
  score: number;
  /** Writing-sized ink on the page, in mm². */
  inkMm2: number;
}

const MIN_COMPONENT_MM2 = 0.1;

export function detectBlank(
  components: Components,
  dpi: number,
  options: BlankOptions,
): BlankReport {
  const pxPerMm2 = (dpi / 25.4) ** 2;
  const minArea = MIN_COMPONENT_MM2 * pxPerMm2;
  let area = 0;
  for (let i = 0; i < components.count; i++) {
    const a = components.area[i]!;
    if (a >= minArea) area += a;
  }
  const inkMm2 = Math.round((area / pxPerMm2) * 100) / 100;
  const score = Math.round((options.maxInkMm2 / (options.maxInkMm2 + inkMm2)) * 1000) / 1000;
  return { blank: inkMm2 < options.maxInkMm2, score, inkMm2 };
}
