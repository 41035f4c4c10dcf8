/**
 * The pipeline's hot loops, compiled from native/kernels (AssemblyScript) to wasm with SIMD: the
 * analysis view's shrink, bilinear resampling, straightening with binarisation, ink components
 * and the projection profiles of the deskew search.
 */
export { shrinkToLuma } from './shrink.js';
export { sauvolaBlockThresholds } from './sauvola.js';
export { warpPixels } from './warp.js';
export type { AffineMap } from './warp.js';
export { warpBinarizeKernel } from './warp-binarize.js';
export { inkComponents } from './components.js';
export type { Components, Labelled } from './components.js';
export { lineProfileOf, profileScoresOf } from './profiles.js';
export type { ProfileSpec } from './profiles.js';
export { kernelSelfTest } from './self-test.js';
