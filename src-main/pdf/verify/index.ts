export { verifyPdf } from './verify-pdf.js';
export type {
  CertificateSummary,
  SignatureReport,
  SignatureStatus,
  VerificationReport,
  VerifyOptions,
} from './verify-pdf.js';
export { loadPdf, findSignatures, formFields } from './pdf-signatures.js';
export type { PdfSignature } from './pdf-signatures.js';
export { loadTrustStore, trustStoreDirs, readCertificates } from './trust-store.js';
export type { TrustStore } from './trust-store.js';
export { buildChain, validAt } from './chain.js';
export type { ChainResult, ChainStatus } from './chain.js';
export { parseSignedData, checkSignature } from './cms.js';
export type { SignedData, SignatureCheck } from './cms.js';
export { checkTimestampToken } from './timestamp-token.js';
export type { TimestampCheck } from './timestamp-token.js';
export { formatPdfDate, formatIsoWithOffset } from './pdf-date.js';
export * as asn1 from './asn1.js';
