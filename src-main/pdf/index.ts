export {
  assemblePdf,
  MIN_DPI,
  FALLBACK_DPI,
  assertWritable,
  writePdfFile,
} from './assemble/index.js';
export type {
  PageSource,
  AssembleOptions,
  AssembledPage,
  AssembledPdf,
  PdfWarning,
  PdfWarningCode,
  PdfMetadata,
  ImageEncoding,
  TextLayerPage,
} from './assemble/index.js';
export {
  signPdf,
  signPdfFile,
  openP12Signer,
  openP12SignerFile,
  openPkcs11Signer,
  requestTimestamp,
  certificateOrganisation,
} from './sign/index.js';
export type {
  SignOptions,
  SignResult,
  Signer,
  Pkcs11Options,
  TimestampOptions,
} from './sign/index.js';
export { verifyPdf, loadTrustStore, trustStoreDirs } from './verify/index.js';
export type {
  VerificationReport,
  SignatureReport,
  SignatureStatus,
  VerifyOptions,
} from './verify/index.js';
