export { assemblePdf, MIN_DPI, FALLBACK_DPI } from './assemble/index.js';
export type {
  PageSource,
  AssembleOptions,
  AssembledPage,
  AssembledPdf,
  PdfWarning,
  PdfWarningCode,
  PdfMetadata,
  ImageEncoding,
} from './assemble/index.js';
