/**
 * Result papers (giấy tờ kết quả) digitized from the scanner when the citizen collects them: the
 * pages land in an unsaved scan of the dossier, are cleaned and read by the page pipeline (so
 * search finds their text), and saving builds one searchable PDF kept as the dossier's result,
 * found by `dossier.findResults` and reusable by `dossier.reuse`. See result-scan-service.ts.
 */
export { resultScanService } from './service.js';
export { ResultScanService } from './result-scan-service.js';
export type { ResultScanDraft } from './result-scan-service.js';
export { ResultScanTargetSchema, SaveResultScanSchema } from './input.js';
export type { ResultScanTarget, SaveResultScanInput } from './input.js';
