/** The page straightened and binarised in one pass, in the kernels (binarize/warped.ts says how). */
import type { Plane } from '../pixels/grey.js';
import { kernels } from './instance.js';
import type { AffineMap } from './warp.js';

export interface WarpBinarizeInput {
  /** Grey page as scanned. */
  source: Plane;
  /** Sauvola threshold per block of `block` × `block` source pixels, `columns` blocks a row. */
  thresholds: { values: Uint8Array; block: number; columns: number };
  /** Output pixel → source pixel. */
  map: AffineMap;
  size: { width: number; height: number };
  /** Cells (factor × factor output pixels) to leave white instead of sampling (scanner bed). */
  cells?: { paint: Uint8Array; columns: number; factor: number } | undefined;
}

const CELL = 8;

/** 0 = ink, 255 = paper, one byte per output pixel. */
export function warpBinarizeKernel(input: WarpBinarizeInput): Plane {
  const { source, thresholds, map, size, cells } = input;
  const { width: sw, height: sh } = source;
  const gridColumns = Math.ceil(sw / CELL);
  const gridRows = Math.ceil(sh / CELL);
  const outBytes = size.width * size.height;
  const k = kernels();
  const [src, values, levels, marked, sat, affine, out, paint, rowBlock, colBlock] = k.layout(
    source.data.length,
    thresholds.values.length,
    gridColumns * gridRows,
    gridColumns * gridRows,
    (gridColumns + 1) * (gridRows + 1) * 4,
    6 * 8,
    outBytes,
    cells?.paint.length ?? 0,
    sh * 4,
    sw * 4,
  );
  k.bytes(src!, source.data.length).set(source.data);
  k.bytes(values!, thresholds.values.length).set(thresholds.values);
  k.float64s(affine!, 6).set([map.a, map.b, map.c, map.d, map.e, map.f]);
  if (cells) k.bytes(paint!, cells.paint.length).set(cells.paint);
  k.exports.warpBinarize(
    src!,
    sw,
    sh,
    values!,
    thresholds.block,
    thresholds.columns,
    levels!,
    marked!,
    sat!,
    gridColumns,
    gridRows,
    affine!,
    out!,
    size.width,
    size.height,
    cells ? paint! : 0,
    cells?.columns ?? 0,
    cells?.factor ?? 0,
    rowBlock!,
    colBlock!,
  );
  return { data: k.bytes(out!, outBytes).slice(), width: size.width, height: size.height };
}
