export { assemblePdf, MIN_DPI, FALLBACK_DPI } from './assemble.js';
export type {
  PageSource,
  AssembleOptions,
  AssembledPage,
  AssembledPdf,
  PdfWarning,
  PdfWarningCode,
} from './assemble.js';
export type { PdfMetadata } from './metadata.js';
export type { ImageEncoding } from './page-image.js';
export type { TextLayerPage } from './text-layer.js';
export { assertWritable, writePdfFile } from './write-file.js';
