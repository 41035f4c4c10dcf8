/** Bulk digitization jobs as the store keeps them and as `batch status` / the API report them. */

export type Separation = { kind: 'qr' } | { kind: 'blank' } | { kind: 'count'; pages: number };

export type JobState = 'created' | 'running' | 'done';
export type FileState = 'pending' | 'done' | 'bad';

export interface BatchJob {
  id: number;
  name: string;
  source: string;
  separation: Separation;
  state: JobState;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
}

export interface BatchFile {
  id: number;
  position: number;
  /** Relative to the job's source folder. */
  path: string;
  size: number;
  state: FileState;
  pagesLanded: number;
  error?: { code: string; vi: string; en: string };
}

export interface BatchDossier {
  /** 1, 2, … in separation order; 0 is the review bin (pages before the first separator). */
  position: number;
  MaHoSo?: string;
  pages: number;
  /** Pages without the blank separator sheets. */
  contentPages: number;
}

export interface BatchStatus {
  job: BatchJob;
  files: { total: number; pending: number; done: number; bad: number };
  pages: number;
  dossiers: number;
  reviewPages: number;
  /** Codes found on more than one separated dossier (a re-scanned or mislabelled receipt). */
  repeatedCodes: string[];
  badFiles: Array<{ path: string; pagesLanded: number; code: string; vi: string; en: string }>;
  dossierList: BatchDossier[];
}
