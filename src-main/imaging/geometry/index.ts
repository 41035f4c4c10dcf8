/** The page's one geometric transform (quarter turn, skew, crop) and resampling through it. */
export {
  compose,
  isIntegerShift,
  offset,
  scaled,
  straightToSource,
  uprightSize,
} from './transform.js';
export type { Affine, PageGeometry, QuarterTurn, Size } from './transform.js';
export { warpImage, warpPlane } from './warp.js';
