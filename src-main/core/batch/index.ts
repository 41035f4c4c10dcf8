/**
 * Bulk digitization jobs (issue 10, first slice): a folder of scans imported page by page into
 * the store, exactly once across kills, split into dossiers by QR dossier codes or a fixed page
 * count, pages before the first separator kept in a review bin, bad files listed and skipped.
 */
export { createJob, runJob, jobStatus, jobPages } from './jobs.js';
export type { RunOptions } from './jobs.js';
export { NewJobSchema, parseNewJob } from './input.js';
export type { NewJobInput, Separation } from './input.js';
export { formatProgress } from './progress.js';
export type { Progress } from './progress.js';
export { dossierCodeOnPage } from './qr.js';
export type {
  BatchJob,
  BatchFile,
  BatchDossier,
  BatchStatus,
  JobState,
  FileState,
} from './types.js';
