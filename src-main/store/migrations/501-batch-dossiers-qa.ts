import type { Migration } from '../migration.js';

/**
 * Batch jobs land their pages in real store dossiers and carry acceptance data.
 *
 * - `batch_jobs`: the procedure (MaTTHC) and receiving agency of the dossiers, how components are
 *   split inside a dossier, whether the pipeline reads text (ocr) or only cleans, where pages come from (a folder snapshot, a hot folder watched until
 *   stopped, or a scanner's ADF runs), the QA sampling rate, and the unit's level and backlog for
 *   digitization targets.
 * - `batch_dossiers.dossier_id`: the store dossier a separated dossier became (created with its
 *   first content page; the review bin never becomes one).
 * - `batch_pages`: the store page (NULL for review-bin pages and blank separator sheets), its
 *   component position, the station that landed it and whether QA sampled it (flags and OCR
 *   confidence are the pipeline's, on `page_processing`).
 * - `batch_qa`: a reviewer's decision on a page of the QA queue; rejected pages form the rescan list.
 */
export const migration: Migration = {
  up: `
ALTER TABLE batch_jobs ADD COLUMN MaTTHC TEXT;
ALTER TABLE batch_jobs ADD COLUMN agency TEXT;
ALTER TABLE batch_jobs ADD COLUMN components TEXT NOT NULL DEFAULT 'single'
  CHECK (components IN ('single', 'blank'));
ALTER TABLE batch_jobs ADD COLUMN source_kind TEXT NOT NULL DEFAULT 'folder'
  CHECK (source_kind IN ('folder', 'hotfolder', 'scanner'));
ALTER TABLE batch_jobs ADD COLUMN processing TEXT NOT NULL DEFAULT 'ocr'
  CHECK (processing IN ('ocr', 'clean'));
ALTER TABLE batch_jobs ADD COLUMN sample_percent REAL NOT NULL DEFAULT 5
  CHECK (sample_percent >= 0 AND sample_percent <= 100);
ALTER TABLE batch_jobs ADD COLUMN unit_level TEXT
  CHECK (unit_level IS NULL OR unit_level IN ('province', 'district', 'commune'));
ALTER TABLE batch_jobs ADD COLUMN backlog INTEGER CHECK (backlog IS NULL OR backlog > 0);

ALTER TABLE batch_dossiers ADD COLUMN dossier_id INTEGER REFERENCES dossiers(id) ON DELETE SET NULL;

ALTER TABLE batch_pages ADD COLUMN page_id INTEGER REFERENCES pages(id) ON DELETE SET NULL;
ALTER TABLE batch_pages ADD COLUMN component INTEGER;
ALTER TABLE batch_pages ADD COLUMN station TEXT NOT NULL DEFAULT '';
ALTER TABLE batch_pages ADD COLUMN sampled INTEGER NOT NULL DEFAULT 0;
CREATE INDEX batch_pages_page ON batch_pages (page_id);

CREATE TABLE batch_qa (
  batch_page_id INTEGER PRIMARY KEY REFERENCES batch_pages(id) ON DELETE CASCADE,
  decision      TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
  reviewer      TEXT NOT NULL,
  note          TEXT,
  decided_at    TEXT NOT NULL
);
`,
};
