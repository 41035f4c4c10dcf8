/**
 * Page size → scan window. Paper larger than the device's area is clipped to it; the window is
 * anchored top-left, where flatbeds register the sheet (sheet-fed devices centre it themselves
 * from page-width/page-height).
 */
import { PAGE_SIZES, type PageSize } from '../types.js';

export interface ScanWindow {
  leftMm: number;
  topMm: number;
  widthMm: number;
  heightMm: number;
}

export function scanArea(
  pageSize: PageSize,
  max: { widthMm: number; heightMm: number },
): ScanWindow {
  const paper = pageSize === 'max' ? max : PAGE_SIZES[pageSize];
  return {
    leftMm: 0,
    topMm: 0,
    widthMm: Math.min(paper.widthMm, max.widthMm),
    heightMm: Math.min(paper.heightMm, max.heightMm),
  };
}
