/**
 * Bulk digitization jobs (issue 10): pages from a folder of scans, a hot folder or a scanner's
 * ADF runs, landed exactly once across kills, split into store dossiers (QR dossier codes, blank
 * separator sheets or a fixed page count; components by blank sheets), processed by the page
 * pipeline, sampled for QA, reported for acceptance.
 */
export { createJob, runJob, jobStatus, jobPages, listJobs } from './jobs.js';
export type { RunOptions, JobDefaults } from './jobs.js';
export { NewJobSchema, parseNewJob } from './input.js';
export type { NewJobInput } from './input.js';
export { formatProgress } from './progress.js';
export type { Progress } from './progress.js';
export { dossierCodeOnPage } from './barcode.js';
export type { HotFolderOptions } from './hot-folder.js';
export { qaQueue, decideQa, rescanList, QaQuerySchema, QaDecisionSchema } from './qa.js';
export type { QaQuery, QaDecisionInput } from './qa.js';
export { buildReport, targetsFrom } from './report.js';
export { exportJob } from './export.js';
export { outputJob, OutputRequestSchema } from './output.js';
export type { OutputOptions, OutputRequest } from './output.js';
export { scanIntoJob } from './scanner.js';
export type { ScanRunOptions } from './scanner.js';
export type { JobExport } from './export.js';
export type { Targets } from './report.js';
export { reportBytes, reportTables, reportFormatOf, writeReportFile } from './report-file.js';
export type { ReportFormat, ReportTable } from './report-file.js';
export type {
  Separation,
  BatchJob,
  BatchFile,
  BatchDossier,
  BatchStatus,
  JobState,
  FileState,
} from '../../domain/index.js';
