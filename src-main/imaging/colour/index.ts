/**
 * Colour decision per page. Vietnamese official papers carry red seals and signatures in colour
 * ink; such a page must stay colour, so any real patch of saturated colour keeps it colour.
 * Otherwise text on paper goes black-and-white and photographs or halftones stay grey.
 */
import type { AnalysisView, Tones } from '../pixels/view.js';
import { looksLikePhoto } from '../pixels/view.js';
import type { RawImage } from '../raw.js';

export type ColorMode = 'color' | 'grey' | 'bw';

export interface ColourReport {
  mode: ColorMode;
  /** Share of sampled paper-area pixels with saturated colour. */
  colourFraction: number;
  /** Share of sampled pixels that are seal red. */
  redFraction: number;
  /** Whether the decision came from the profile rather than the page. */
  forced: boolean;
}

/** 0.05 % of an A4 page is ~0.3 cm²: a seal (several cm²) is far above, JPEG colour fringes below. */
const MIN_COLOUR_FRACTION = 0.0005;
const MIN_CHROMA = 60;

export function decideColour(
  image: RawImage,
  view: AnalysisView,
  tones: Tones,
  forced?: ColorMode,
): ColourReport {
  let coloured = 0;
  let red = 0;
  let sampled = 0;
  if (image.channels >= 3) {
    const { data, width, channels } = image;
    const f = view.factor;
    const vw = view.plane.width;
    for (let vy = 0; vy < view.plane.height; vy++) {
      for (let vx = 0; vx < vw; vx++) {
        if (view.bed[vy * vw + vx] === 1) continue;
        const i = ((vy * f + (f >> 1)) * width + vx * f + (f >> 1)) * channels;
        const r = data[i]!;
        const g = data[i + 1]!;
        const b = data[i + 2]!;
        sampled++;
        const max = Math.max(r, g, b);
        const chroma = max - Math.min(r, g, b);
        if (chroma >= MIN_CHROMA && chroma >= max * 0.35) {
          coloured++;
          if (r === max && r - g >= MIN_CHROMA && r - b >= MIN_CHROMA * 0.6) red++;
        }
      }
    }
  }
  const colourFraction = sampled === 0 ? 0 : coloured / sampled;
  const redFraction = sampled === 0 ? 0 : red / sampled;
  const round = (v: number): number => Math.round(v * 1e5) / 1e5;
  const detected: ColorMode =
    colourFraction >= MIN_COLOUR_FRACTION ? 'color' : looksLikePhoto(tones) ? 'grey' : 'bw';
  return {
    mode: forced ?? detected,
    colourFraction: round(colourFraction),
    redFraction: round(redFraction),
    forced: forced !== undefined,
  };
}
