/**
 * Finding a patch code on a page, on the ~100 dpi analysis view (ink below the midpoint of the
 * page's paper and ink levels, the scanner bed never counted as ink).
 *
 * Every scanline across the bars is split into runs; a run of 7 (bar, space, bar, space, bar,
 * space, bar) between quiet zones whose widths are the spec's narrow and wide ones in proportion
 * (so a sheet copied at 95 % still reads) and whose total is 0.80 in ± 20 % is a hit. A scanline
 * crossing bars skewed by 5° sees them only 0.4 % wider, so each line decodes as well as a
 * straight one; skew only shifts the hit a little from line to line. A patch is a chain of hits
 * of one type on neighbouring scanlines, each shifted at most as much as a 5° skew (plus a pixel
 * of noise) moves it, covering at least MIN_LENGTH_INCH of bar length. Text, ruled tables and
 * other barcodes do not hold an exact 4-bar 2-wide rhythm with clear margins over half an inch
 * of consecutive scanlines.
 *
 * Like a Kodak scanner's reader, bars parallel to the leading (top) edge are read from the top,
 * end-fed bars (parallel to the sides) from the right; a sheet fed upside down reads reversed
 * (3 as T, 1 as 6), exactly as it would on the scanner. When several symbols are found (sheets
 * printed with a patch on every side), the one nearest the leading edge is the page's.
 */
import type { PatchType } from '../../domain/index.js';
import type { Plane } from '../pixels/grey.js';
import { analysisView, type AnalysisView } from '../pixels/view.js';
import type { RawImage } from '../raw.js';
import { patchOfBars, SYMBOL_INCH } from './spec.js';

/** Bars parallel to the top edge ('across', the usual way) or to the sides ('along', end-fed). */
export type PatchBars = 'across' | 'along';

export interface PatchCodeReport {
  type: PatchType;
  bars: PatchBars;
  /** Where the symbol is, in the page's pixels. */
  box: { left: number; top: number; width: number; height: number };
  /** Bar length read consistently, in inches. */
  lengthInch: number;
}

/** Shortest bar length that counts (the spec's bars are 2 in long; 0.75 in for some readers). */
const MIN_LENGTH_INCH = 0.6;
/** Clear paper before and after the symbol (the spec asks for 0.25 in from other printing). */
const QUIET_INCH = 0.1;
const TOTAL_TOLERANCE = 0.2;
/** Element widths in narrow units (a symbol is 10): narrow is 1, wide 2.5. */
const NARROW = [0.55, 1.6] as const;
const WIDE = [1.85, 3.4] as const;
/** A 5° skew moves a bar edge tan 5° ≈ 0.09 px per scanline; a pixel more for noise. */
const DRIFT_PER_LINE = 0.1;
/** Scanlines a chain may skip (specks, a faint stretch of toner), in inches. */
const GAP_INCH = 0.05;
/** Share of the chain's scanlines that must decode. */
const MIN_DENSITY = 0.5;

interface Hit {
  line: number;
  /** First and last pixel of the symbol along the scanline, in reading order. */
  start: number;
  end: number;
  type: PatchType;
}

interface Chain {
  type: PatchType;
  first: number;
  last: number;
  hits: number;
  start: number;
  end: number;
  lastStart: number;
}

/** The page's patch code, if it carries one. */
export async function findPatchCode(image: RawImage): Promise<PatchCodeReport | undefined> {
  return findPatchCodeInView(analysisView(image));
}

function findPatchCodeInView(view: AnalysisView): PatchCodeReport | undefined {
  const { paper, ink } = view.levels;
  // A page without real ink (blank, or bleed-through only) has no bars.
  if (paper - ink < 60) return undefined;
  const dark = inkMask(view, (paper + ink) / 2);
  const found = (['across', 'along'] as const).flatMap((bars) =>
    chains(hits(dark, view.plane, bars, view.dpi), view.dpi)
      .filter((c) => (c.last - c.first + 1) / view.dpi >= MIN_LENGTH_INCH)
      .map((c) => ({ bars, chain: c })),
  );
  if (found.length === 0) return undefined;
  // The standard orientation first, then nearest the leading edge.
  found.sort((a, b) =>
    a.bars !== b.bars ? (a.bars === 'across' ? -1 : 1) : a.chain.start - b.chain.start,
  );
  const { bars, chain } = found[0] as (typeof found)[number];
  return {
    type: chain.type,
    bars,
    box: boxOf(chain, bars, view),
    lengthInch: (chain.last - chain.first + 1) / view.dpi,
  };
}

function inkMask(view: AnalysisView, threshold: number): Uint8Array {
  const { data } = view.plane;
  const mask = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++)
    mask[i] = (data[i] as number) < threshold && view.bed[i] === 0 ? 1 : 0;
  return mask;
}

/** Decoded symbols on every scanline across the bars, in reading order along the line. */
function hits(dark: Uint8Array, plane: Plane, bars: PatchBars, dpi: number): Hit[] {
  const { width, height } = plane;
  // across: a scanline is a column, read top to bottom; along: a row, read right to left
  const lines = bars === 'across' ? width : height;
  const length = bars === 'across' ? height : width;
  const at =
    bars === 'across'
      ? (line: number, pos: number) => dark[pos * width + line] as number
      : (line: number, pos: number) => dark[line * width + (width - 1 - pos)] as number;
  const quiet = QUIET_INCH * dpi;
  const total = SYMBOL_INCH * dpi;
  const out: Hit[] = [];
  const runs: number[] = [];
  for (let line = 0; line < lines; line++) {
    // runs alternate light, dark, light, …; the first one is light (possibly of length 0)
    runs.length = 0;
    let value = 0;
    let run = 0;
    for (let pos = 0; pos < length; pos++) {
      const v = at(line, pos);
      if (v === value) run++;
      else {
        runs.push(run);
        value = v;
        run = 1;
      }
    }
    runs.push(run);
    let pos = 0;
    for (let r = 0; r + 8 < runs.length; r += 2) {
      pos += runs[r] as number; // light run r, then the dark run r + 1 starts at pos
      const symbol = decode(runs, r, quiet, total);
      if (symbol) out.push({ line, start: pos, end: pos + symbol.width - 1, type: symbol.type });
      pos += runs[r + 1] as number;
    }
  }
  return out;
}

/** The symbol whose first bar is run r + 1, when runs r + 1 … r + 7 are one between quiet zones. */
function decode(
  runs: readonly number[],
  r: number,
  quiet: number,
  total: number,
): { type: PatchType; width: number } | undefined {
  if ((runs[r] as number) < quiet || (runs[r + 8] as number) < quiet) return undefined;
  let width = 0;
  for (let k = 1; k <= 7; k++) width += runs[r + k] as number;
  if (Math.abs(width - total) > total * TOTAL_TOLERANCE) return undefined;
  const unit = width / 10;
  let bars = '';
  for (let k = 1; k <= 7; k++) {
    const units = (runs[r + k] as number) / unit;
    const narrow = units >= NARROW[0] && units <= NARROW[1];
    const wide = units >= WIDE[0] && units <= WIDE[1];
    if (!narrow && !wide) return undefined;
    if (k % 2 === 0) {
      if (!narrow) return undefined; // spaces are all narrow
    } else bars += wide ? 'W' : 'N';
  }
  const type = patchOfBars(bars);
  return type ? { type, width } : undefined;
}

/** Hits of one type on neighbouring scanlines, each where the last one's drift allows. */
function chains(found: readonly Hit[], dpi: number): Chain[] {
  const gap = Math.max(1, Math.round(GAP_INCH * dpi));
  const open: Chain[] = [];
  const done: Chain[] = [];
  for (const hit of found) {
    let best: Chain | undefined;
    for (const c of open) {
      const lines = hit.line - c.last;
      if (c.type !== hit.type || lines < 1 || lines > gap + 1) continue;
      if (Math.abs(hit.start - c.lastStart) <= 1 + DRIFT_PER_LINE * lines) {
        best = c;
        break;
      }
    }
    if (best) {
      best.last = hit.line;
      best.hits++;
      best.lastStart = hit.start;
      best.start = Math.min(best.start, hit.start);
      best.end = Math.max(best.end, hit.end);
    } else {
      open.push({
        type: hit.type,
        first: hit.line,
        last: hit.line,
        hits: 1,
        start: hit.start,
        end: hit.end,
        lastStart: hit.start,
      });
    }
    // chains the scan has moved past can take no more hits
    for (let i = open.length - 1; i >= 0; i--) {
      const c = open[i] as Chain;
      if (hit.line - c.last > gap + 1) {
        done.push(c);
        open.splice(i, 1);
      }
    }
  }
  return [...done, ...open].filter((c) => c.hits / (c.last - c.first + 1) >= MIN_DENSITY);
}

function boxOf(chain: Chain, bars: PatchBars, view: AnalysisView): PatchCodeReport['box'] {
  const f = view.factor;
  if (bars === 'across') {
    return {
      left: chain.first * f,
      top: chain.start * f,
      width: (chain.last - chain.first + 1) * f,
      height: (chain.end - chain.start + 1) * f,
    };
  }
  // read right to left: positions count from the right edge
  return {
    left: (view.plane.width - 1 - chain.end) * f,
    top: chain.first * f,
    width: (chain.end - chain.start + 1) * f,
    height: (chain.last - chain.first + 1) * f,
  };
}
