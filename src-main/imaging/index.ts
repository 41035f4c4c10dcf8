/**
 * Image cleanup on raw pixels ({ data, width, height, channels, dpi }). Every stage is a
 * function from pixels to pixels plus a report; sharp does decoding and encoding, the analysis
 * and resampling are ours, their hot loops compiled to wasm with SIMD (kernels/, built from
 * native/kernels). `processPage` runs the stages in this order:
 *
 *   orientation (text lines; Tesseract OSD when unsure) → deskew (projection profiles) → crop
 *   (scanner bed, black edges) → colour decision → binarise (Sauvola) → clean (despeckle) →
 *   blank flag → encode → thumbnail
 *
 * The first four decide on a ~100 dpi view; the page is then resampled once at full resolution
 * through one affine map (quarter turn, skew and crop together) and binarised in the same pass.
 *
 * and records every decision in `PageDecisions`. `ImagingPool` runs it in worker threads.
 *
 * Conventions: `orientation.degrees` is how far the input is turned clockwise from upright;
 * `skew.degrees` is positive when text lines rise to the right (sheet turned counter-clockwise).
 *
 * For OCR: `straighten(image)` runs orientation → deskew → border removal and returns the
 * upright, straight, cropped page with each decision.
 *
 * Output formats (`EncodedImage`):
 * - colour / grey: baseline JPEG from mozjpeg, 4:2:0, at the profile's colorDpi (200), JFIF
 *   density set; embed as /DCTDecode as is.
 * - black-and-white: TIFF, CCITT Group 4 (Compression 4), 1 bit, PhotometricInterpretation 0
 *   (WhiteIsZero: a 1 bit is black), FillOrder 1 (MSB first), full resolution, strips of 256
 *   rows. `g4.strips[i]` = { offset, length, rows }: bytes.subarray(offset, offset + length) is
 *   a complete G4 stream for `rows` rows of `width` columns, so each strip is one PDF image
 *   XObject with /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns width /Rows rows >>
 *   (BlackIs1 false), /BitsPerComponent 1, /ColorSpace /DeviceGray, stacked top to bottom.
 */
export type { RawImage } from './raw.js';
export { assertRawImage, MAX_PIXELS } from './raw.js';
export { rawInput } from './pixels/sharp.js';
export { analysisView } from './pixels/view.js';
export type { AnalysisView } from './pixels/view.js';
export {
  closeOsd,
  detectOrientation,
  orientationFromLines,
  orientPage,
} from './orientation/index.js';
export type {
  LineOrientation,
  Orientation,
  OrientationDecision,
  OrientationReport,
  OrientationOptions,
} from './orientation/index.js';
export { estimateSkew } from './deskew/index.js';
export type { SkewReport, DeskewOptions } from './deskew/index.js';
export { removeBorders } from './crop/index.js';
export type { Box, CropReport } from './crop/index.js';
export { straighten, planStraighten, defaultStraightenOptions } from './pipeline/straighten.js';
export type { StraightenOptions, StraightenPlan, StraightenResult } from './pipeline/straighten.js';
export type { Stage, StageTimes } from './pipeline/clock.js';
export { cleanPage, processPage } from './pipeline/process.js';
export type { CleanedPage, PageDecisions, ProcessedPage } from './pipeline/process.js';
export { processingProfileSchema, profiles, resolveProfile } from './pipeline/profile.js';
export type { ProcessingProfile, ProfileOverrides, ProfileName } from './pipeline/profile.js';
export { ImagingPool } from './pipeline/pool.js';
export type { ImagingPoolOptions } from './pipeline/pool.js';
export type { PageResult, PageTask } from './pipeline/worker.js';
export { processFileToDir, writeProcessedPage } from './pipeline/files.js';
export type { ProcessFileSummary, WrittenPage } from './pipeline/files.js';
export { decodeImage } from './decode/index.js';
export type { DecodeOptions, Decoded } from './decode/index.js';
export type { EncodedImage, TiffStrip } from './encode/index.js';
export type { ColorMode, ColourReport } from './colour/index.js';
export type { BlankReport } from './blank/index.js';
export { findPatchCode } from './patch-code/index.js';
export { kernelSelfTest } from './kernels/index.js';
export type { PatchBars, PatchCodeReport } from './patch-code/index.js';
