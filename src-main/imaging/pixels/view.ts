/**
 * The low-resolution view the analysis stages share: luma at ~100 dpi, paper/ink levels and
 * the scanner-bed mask. Built once per page state; the full-resolution pixels are not touched.
 */
import { shrinkToLuma } from '../kernels/index.js';
import type { RawImage } from '../raw.js';
import { countBetween, factorFor, histogram, luma } from './grey.js';
import type { Plane } from './grey.js';
import { bedMask, levelHistogram, levelsOf, withoutMasked } from './levels.js';
import type { Levels } from './levels.js';

export const ANALYSIS_DPI = 100;

export interface AnalysisView {
  plane: Plane;
  /** Full-resolution pixels per analysis pixel. */
  factor: number;
  dpi: number;
  levels: Levels;
  /** 1 where the scanner bed or a black edge shows. */
  bed: Uint8Array;
}

export function analysisView(image: RawImage): AnalysisView {
  const factor = factorFor(image.dpi, ANALYSIS_DPI);
  const plane = factor > 1 ? shrinkToLuma(image, factor) : luma(image);
  return viewOfPlane(plane, factor, image.dpi / factor);
}

/** The view of an analysis plane made some other way (e.g. resampled straight). */
export function viewOfPlane(plane: Plane, factor: number, dpi: number): AnalysisView {
  const all = levelHistogram(plane);
  const bed = bedMask(plane, Math.round(levelsOf(all).paper * 0.5));
  return { plane, factor, dpi, levels: levelsOf(withoutMasked(all, plane, bed)), bed };
}

export interface Tones {
  /** Share of non-bed pixels in the mid-tones (between ink and paper). */
  midtones: number;
  /** Share of non-bed pixels noticeably darker than the paper. */
  coverage: number;
}

const paperAreaHistograms = new WeakMap<AnalysisView, Uint32Array>();

/**
 * Grey levels of every pixel of the view off the scanner bed, counted once: the tone, dark-pixel
 * and ink-point questions the stages ask about the same view are read from it.
 */
export function paperAreaHistogram(view: AnalysisView): Uint32Array {
  let hist = paperAreaHistograms.get(view);
  if (!hist) {
    hist = histogram(view.plane, view.bed);
    paperAreaHistograms.set(view, hist);
  }
  return hist;
}

/** Tone statistics of the paper area: photographs are mid-toned and cover the sheet, text is neither. */
export function tones(view: AnalysisView): Tones {
  const { paper, ink } = view.levels;
  const lo = ink + (paper - ink) * 0.3;
  const hi = paper - (paper - ink) * 0.3;
  const dark = paper - (paper - ink) * 0.2;
  const hist = paperAreaHistogram(view);
  const counted = countBetween(hist, 0, 256);
  // whole grey levels strictly between lo and hi, and strictly below dark
  const mid = countBetween(hist, Math.floor(lo) + 1, Math.ceil(hi));
  const covered = countBetween(hist, 0, Math.ceil(dark));
  return counted === 0
    ? { midtones: 0, coverage: 0 }
    : { midtones: mid / counted, coverage: covered / counted };
}

/** A page that is mostly picture: deskew and binarisation leave it alone. */
export function looksLikePhoto(t: Tones): boolean {
  return t.midtones > 0.25 || t.coverage > 0.35;
}

/** Paper-area pixels far darker than the paper (writing; not bleed-through, not noise). */
export function darkPixels(view: AnalysisView, contrast = 100): number {
  return countBetween(paperAreaHistogram(view), 0, view.levels.paper - contrast);
}
