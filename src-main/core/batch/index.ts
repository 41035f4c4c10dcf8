/**
 * Bulk digitization jobs (issue 10, first slice): a folder of scans imported page by page into
 * the store, exactly once across kills, split into dossiers by QR dossier codes, blank separator
 * sheets or a fixed page count, pages before the first separator kept in a review bin, bad files listed and skipped.
 */
export { createJob, runJob, jobStatus, jobPages, listJobs } from './jobs.js';
export type { RunOptions } from './jobs.js';
export { NewJobSchema, parseNewJob } from './input.js';
export type { NewJobInput } from './input.js';
export { formatProgress } from './progress.js';
export type { Progress } from './progress.js';
export { dossierCodeOnPage } from './qr.js';
export type {
  Separation,
  BatchJob,
  BatchFile,
  BatchDossier,
  BatchStatus,
  JobState,
  FileState,
} from '../../domain/index.js';
