import type { Migration } from '../migration.js';

/**
 * Output of bulk jobs: what was delivered for each separated dossier, per target ('queue': marked
 * for the sync engine; 'packages': written as an offline-transfer package). The PDFs themselves are
 * the documents' (document_builds, migration 202). `payload_sha256` is the contract dossier that
 * was delivered (without its code, which the sync may still replace); a later run delivers again
 * only when it changed. A row is written in the same transaction as the delivery it records (the
 * sync state and audit entry; a package is renamed into place first), so a kill leaves either both
 * or neither, and a repeated run writes no second package and queues nothing twice.
 */
export const migration: Migration = {
  up: `
CREATE TABLE batch_outputs (
  batch_dossier_id INTEGER NOT NULL REFERENCES batch_dossiers(id) ON DELETE CASCADE,
  target           TEXT NOT NULL CHECK (target IN ('queue', 'packages')),
  payload_sha256   TEXT NOT NULL,
  documents        INTEGER NOT NULL CHECK (documents >= 0),
  pages            INTEGER NOT NULL CHECK (pages >= 0),
  signed           INTEGER NOT NULL CHECK (signed IN (0, 1)),
  package_path     TEXT,
  package_sha256   TEXT,
  delivered_at     TEXT NOT NULL,
  PRIMARY KEY (batch_dossier_id, target),
  CHECK ((target = 'packages') = (package_path IS NOT NULL))
);
`,
};
