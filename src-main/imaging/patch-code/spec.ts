/**
 * Kodak patch code geometry (Patch Code Information for Kodak Scanners, A-61599): four black
 * bars, two wide (0.20 in) and two narrow (0.08 in), separated by three narrow spaces, 0.80 in
 * in all; the order of wide and narrow bars names the patch. Read from the leading edge.
 */
import type { PatchType } from '../../domain/index.js';

export const NARROW_INCH = 0.08;
export const WIDE_INCH = 0.2;
/** Bars and spaces of a whole symbol, in inches (5 narrow elements and 2 wide bars). */
export const SYMBOL_INCH = 5 * NARROW_INCH + 2 * WIDE_INCH;

/** Each patch's bars in reading order: 'W' wide, 'N' narrow. */
const BARS: Record<PatchType, string> = {
  '1': 'WWNN',
  '2': 'WNNW',
  '3': 'WNWN',
  '4': 'NWWN',
  '6': 'NNWW',
  T: 'NWNW',
};

const BY_BARS = new Map(Object.entries(BARS).map(([type, bars]) => [bars, type as PatchType]));

/** The patch whose bars, in reading order, are these ('W'/'N'); undefined for any other order. */
export function patchOfBars(bars: string): PatchType | undefined {
  return BY_BARS.get(bars);
}
