/** The analysis view's pixels: luma box-averaged by an integer factor, in the kernels. */
import type { Plane } from '../pixels/grey.js';
import type { RawImage } from '../raw.js';
import { kernels } from './instance.js';

/** Column sums are 16-bit in the grey kernel: 16 × 16 × 255 still fits. */
const MAX_FACTOR = 16;

export function shrinkToLuma(image: RawImage, factor: number): Plane {
  if (!Number.isInteger(factor) || factor < 2 || factor > MAX_FACTOR)
    throw new RangeError(
      `shrink factor must be a whole number from 2 to ${MAX_FACTOR}, got ${factor}`,
    );
  const { width, height, channels } = image;
  const outWidth = Math.floor(width / factor);
  const outHeight = Math.floor(height / factor);
  const k = kernels();
  const [src, dst, sums] = k.layout(image.data.length, outWidth * outHeight, width * 4);
  k.bytes(src!, image.data.length).set(image.data);
  if (channels === 1) k.exports.shrinkGrey(src!, width, height, factor, dst!, sums!);
  else k.exports.shrinkLuma(src!, width, height, channels, factor, dst!, sums!);
  return { data: k.bytes(dst!, outWidth * outHeight).slice(), width: outWidth, height: outHeight };
}
