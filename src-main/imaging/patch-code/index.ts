/** Kodak patch codes on separator sheets: their geometry and a reader for scanned pages. */
export { findPatchCode } from './detect.js';
export type { PatchBars, PatchCodeReport } from './detect.js';
