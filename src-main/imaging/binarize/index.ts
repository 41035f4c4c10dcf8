/**
 * Adaptive binarisation (Sauvola) for black-and-white output: on a plane (sauvola), or fused
 * with straightening the page (warpBinarize).
 */
export { defaultSauvola, sauvola, sauvolaThresholds } from './sauvola.js';
export type { SauvolaOptions, ThresholdMap } from './sauvola.js';
export { warpBinarize } from './warped.js';
export type { WarpBinarizeRequest } from './warped.js';
