/**
 * Vendors name the same thing differently ("ADF", "Automatic Document Feeder", "ADF Front",
 * "Document Table", "Lineart", "Binary", "Black & White"), and libsane translates option strings
 * through gettext when the host runs under a non-C locale. These matchers map the device's own
 * words to our few concepts; they are tried in order, so the most specific comes first.
 */
import type { ColorMode, ScanSource } from '../types.js';

const SOURCE_PATTERNS: Record<ScanSource, RegExp[]> = {
  'adf-duplex': [/duplex/i, /\bboth\b/i, /front\s*(&|and|\+)\s*back/i, /hai mặt/i],
  adf: [
    /^adf$/i,
    /adf\s*front/i,
    /adf\s*simplex/i,
    /automatic document feeder/i,
    /document feeder/i,
    /\bfeeder\b/i,
    /\badf\b/i,
    /khay nạp/i,
  ],
  flatbed: [/flatbed/i, /platen/i, /document table/i, /\bglass\b/i, /\bnormal\b/i, /mặt kính/i],
};

const MODE_PATTERNS: Record<ColorMode, RegExp[]> = {
  color: [/^colou?r$/i, /colou?r/i, /\brgb\b/i, /24\s*bit/i, /màu/i],
  gray: [/^gr[ae]y$/i, /gr[ae]y/i, /monochrome/i, /8\s*bit/i, /xám/i],
  lineart: [
    /line\s*art/i,
    /binary/i,
    /black\s*(&|and)?\s*white/i,
    /\bbw\b/i,
    /halftone/i,
    /đen trắng/i,
  ],
};

function pick(
  values: readonly string[],
  patterns: RegExp[],
  exclude: RegExp[] = [],
): string | undefined {
  for (const pattern of patterns) {
    const hit = values.find((v) => pattern.test(v) && !exclude.some((x) => x.test(v)));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** The device's value for a source, or undefined when it has none. */
export function matchSource(values: readonly string[], source: ScanSource): string | undefined {
  // A plain ADF request must not land on the duplex entry ("ADF Duplex" also says "ADF").
  const exclude =
    source === 'adf' ? SOURCE_PATTERNS['adf-duplex'] : source === 'flatbed' ? [/adf|feeder/i] : [];
  return pick(values, SOURCE_PATTERNS[source], exclude);
}

/** Which of our sources a device value is, for listing capabilities. */
export function classifySource(value: string): ScanSource | undefined {
  return (['adf-duplex', 'adf', 'flatbed'] as const).find((s) => matchSource([value], s) === value);
}

export function matchMode(values: readonly string[], mode: ColorMode): string | undefined {
  const exclude = mode === 'gray' ? MODE_PATTERNS.lineart : [];
  return pick(values, MODE_PATTERNS[mode], exclude);
}

export function classifyMode(value: string): ColorMode | undefined {
  return (['lineart', 'color', 'gray'] as const).find((m) => matchMode([value], m) === value);
}

/** Well-known SANE option names (saneopts.h) plus the aliases some backends use. */
export const OPTION_NAMES = {
  source: ['source', 'doc-source', 'scan-source'],
  mode: ['mode', 'scan-mode'],
  depth: ['depth', 'bit-depth'],
  resolution: ['resolution', 'scan-resolution'],
  xResolution: ['x-resolution'],
  yResolution: ['y-resolution'],
  tlX: ['tl-x'],
  tlY: ['tl-y'],
  brX: ['br-x'],
  brY: ['br-y'],
  pageWidth: ['page-width', 'pagewidth'],
  pageHeight: ['page-height', 'pageheight'],
  brightness: ['brightness'],
  contrast: ['contrast'],
} as const;
