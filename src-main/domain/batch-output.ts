/** What a bulk job's output step delivers and reports (`batch output`, core/batch/output.ts). */

/** Where a job's output goes: the sync outbox, or offline-transfer packages in a folder. */
export type OutputTarget = 'queue' | 'packages';
/**
 * When a dossier's pages are good enough to output: 'accepted' — every page of it in the QA
 * queue accepted; 'not-rejected' — open QA items do not hold it back. A rejected page always does.
 */
export type OutputQaPolicy = 'accepted' | 'not-rejected';

/** What a job has delivered (the acceptance report's output lines). */
export interface BatchOutputSummary {
  /** Dossiers delivered to at least one target. */
  dossiers: number;
  /** Their component PDFs, and how many of those are signed. */
  pdfs: number;
  signedPdfs: number;
  /** Dossiers handed to the sync engine, and how many of them the province acknowledged. */
  queued: number;
  synced: number;
  /** Dossiers written as packages. */
  packaged: number;
}

/** Why a dossier is not output yet, in words the contractor can act on. */
export interface OutputHold {
  code: 'PAGES_NOT_PROCESSED' | 'PAGES_FAILED' | 'QA_REJECTED' | 'QA_OPEN' | 'NO_PAGES';
  vi: string;
  en: string;
  pageIds: number[];
}

export interface OutputDossierResult {
  position: number;
  MaHoSo: string;
  /** delivered: in this run; kept: delivered earlier, unchanged since; held: not ready. */
  outcome: 'delivered' | 'kept' | 'held';
  documents: number;
  signed: boolean;
  /** The package written (packages target). */
  package?: string;
  holds: OutputHold[];
}

/** What one `batch output` run did. */
export interface BatchOutputResult {
  name: string;
  target: OutputTarget;
  dir?: string;
  delivered: number;
  kept: number;
  held: number;
  dossiers: OutputDossierResult[];
  summary: BatchOutputSummary;
}
