/**
 * SoHoa's imaging kernels: the cleanup pipeline's hot loops — the full-resolution passes (with
 * SIMD where it pays) and the deskew search's projection profiles. Pure functions on linear
 * memory; the host (src-main/imaging/kernels) places the data, calls, and copies the results
 * out. No allocator: the host owns the layout.
 */
export { shrinkGrey, shrinkLuma } from './shrink';
export { inkRuns, labelRuns } from './runs';
export { warpBinarize } from './warp-binarize';
export { lineProfile, profileScores } from './profiles';
export { sauvolaThresholds } from './sauvola';
export { warpImage } from './warp';
