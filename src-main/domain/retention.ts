/**
 * Retention of citizens' data on the counter PC: once the province has acknowledged a dossier
 * and the configured number of days has passed, the local copy is purged down to what the
 * audit needs (MaHoSo, dates, counts, hashes).
 */

/** A dossier the retention rule selects, with what a purge removes. */
export interface RetentionCandidate {
  dossierId: number;
  MaHoSo: string;
  MaTTHC: string;
  NgayTiepNhan: string;
  /** When the province acknowledged the dossier (ISO 8601). */
  acknowledgedAt: string;
  components: number;
  documents: number;
  pages: number;
  results: number;
  /** sha256 of every page image, PDF and result file of the dossier. */
  blobHashes: string[];
}

export interface RetentionReport {
  dryRun: boolean;
  /** The rule: purge dossiers acknowledged this many days ago (0: retention is off). */
  afterDays: number;
  /** Dossiers acknowledged before this instant are due (ISO 8601); null when off. */
  cutoff: string | null;
  dossiers: RetentionCandidate[];
  /** Blob files removed because nothing else referenced them (0 on a dry run). */
  removedBlobs: number;
  removedBytes: number;
}

/** The summary kept of a purged dossier (the row the audit needs). */
export interface PurgedDossier {
  MaHoSo: string;
  MaTTHC: string;
  NgayTiepNhan: string;
  acknowledgedAt: string;
  purgedAt: string;
  components: number;
  documents: number;
  pages: number;
  results: number;
  blobHashes: string[];
}
