import type { Migration } from '../migration.js';

/**
 * What is kept of a dossier purged by retention: the code, the dates, the counts and the hashes
 * of the files it had, so the audit can still answer "what was received and when it went".
 */
export const migration: Migration = {
  up: `
CREATE TABLE retention_purges (
  dossier_id      INTEGER PRIMARY KEY,
  MaHoSo          TEXT NOT NULL UNIQUE,
  MaTTHC          TEXT NOT NULL,
  NgayTiepNhan    TEXT NOT NULL,
  acknowledged_at TEXT NOT NULL,
  purged_at       TEXT NOT NULL,
  components      INTEGER NOT NULL,
  documents       INTEGER NOT NULL,
  pages           INTEGER NOT NULL,
  results         INTEGER NOT NULL,
  blob_hashes     TEXT NOT NULL DEFAULT '[]'
);
`,
};
