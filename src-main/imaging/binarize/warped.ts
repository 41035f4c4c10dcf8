/**
 * Straightening and binarising in one pass: each output pixel is sampled from the page as
 * scanned through the page's affine map and compared with the Sauvola threshold of the source
 * block it came from (local statistics do not care which way the page is turned). The
 * full-resolution page is read once. Each sample's four source pixels' distances from the
 * threshold are interpolated (bilinear, 8-bit weights), which keeps edges smooth — stair-stepped
 * edges would cost G4 about 15 % more bytes.
 *
 * Most of a text page is margin and leading. The source is surveyed in 8 × 8-pixel cells: a cell
 * is marked when one of its pixels is darker than the highest threshold any sample reaching into
 * it may be held to. Sixteen output pixels whose source lies in unmarked cells are paper for
 * certain, decided on one look-up in a summed-area table of the marks.
 *
 * The pass runs in the kernels (native/kernels/assembly/warp-binarize.ts).
 */
import type { Affine, Size } from '../geometry/index.js';
import { warpBinarizeKernel } from '../kernels/index.js';
import type { Plane } from '../pixels/grey.js';
import type { ThresholdMap } from './sauvola.js';

export interface WarpBinarizeRequest {
  /** Grey page as scanned. */
  source: Plane;
  /** Sauvola thresholds of `source`. */
  thresholds: ThresholdMap;
  /** Output pixel → source pixel. */
  map: Affine;
  size: Size;
  /** Cells (factor × factor output pixels) to leave white instead of sampling (scanner bed). */
  cells?: { paint: Uint8Array; columns: number; factor: number };
}

/** The straightened page in black and white: 0 = ink, 255 = paper, one byte per pixel. */
export function warpBinarize(request: WarpBinarizeRequest): Plane {
  return warpBinarizeKernel(request);
}
