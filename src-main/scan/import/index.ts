export { importFiles, parseImportRequest, ImportRequestSchema } from './driver.js';
export type { ImportRequest, ImportOutcome, FileOutcome } from './driver.js';
export { MAX_IMPORT_PIXELS, DEFAULT_IMPORT_DPI } from './limits.js';
