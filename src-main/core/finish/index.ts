/**
 * Finishing a dossier at the counter: readiness (required components or waivers, applicant
 * identity, processed pages), one searchable signed PDF per document, the reception receipt with
 * its QR code, and the dossier queued for sync. See finish-service.ts.
 */
export { finishService } from './service.js';
export { FinishService } from './finish-service.js';
export type { FinishOptions, FinishSettings } from './finish-service.js';
export { documentPdf } from './document-pdf.js';
export { buildDocuments, LazySigner } from './documents.js';
export type { BuildDocumentsOptions, DocumentSigning } from './documents.js';
export { renderReceipt } from './receipt.js';
export type { ReceiptData } from './receipt.js';
