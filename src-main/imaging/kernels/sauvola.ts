/** Sauvola thresholds per block, in the kernels (binarize/sauvola.ts says how). */
import type { Plane } from '../pixels/grey.js';
import { kernels } from './instance.js';

/** One threshold byte per `block` × `block` pixels, ⌈width / block⌉ a row. */
export function sauvolaBlockThresholds(
  plane: Plane,
  block: number,
  k: number,
  range: number,
): Uint8Array {
  const { data, width, height } = plane;
  const blocks = Math.ceil(width / block) * Math.ceil(height / block);
  const kk = kernels();
  const [src, values, scratch] = kk.layout(data.length, blocks, blocks * 4 * 8);
  kk.bytes(src!, data.length).set(data);
  kk.exports.sauvolaThresholds(src!, width, height, block, k, range, values!, scratch!);
  return kk.bytes(values!, blocks).slice();
}
