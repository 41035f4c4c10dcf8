import type { Migration } from '../migration.js';

/**
 * Bulk digitization jobs: the files of a source folder (snapshotted at creation, in order), the
 * dossiers separation found (position 0 is the review bin for pages before the first separator),
 * and every landed page (`separator`: it opened its dossier; `blank`: a blank separator sheet,
 * kept but not content). `batch_files.pages_landed` is the durable cursor; it moves in the same
 * transaction as the page row, and UNIQUE (file_id, file_page) refuses a second landing.
 */
export const migration: Migration = {
  up: `
CREATE TABLE batch_jobs (
  id                INTEGER PRIMARY KEY,
  name              TEXT NOT NULL UNIQUE,
  source            TEXT NOT NULL,
  separator         TEXT NOT NULL CHECK (separator IN ('qr', 'blank', 'count')),
  pages_per_dossier INTEGER CHECK (pages_per_dossier IS NULL OR pages_per_dossier > 0),
  state             TEXT NOT NULL DEFAULT 'created' CHECK (state IN ('created', 'running', 'done')),
  created_at        TEXT NOT NULL,
  started_at        TEXT,
  finished_at       TEXT
);

CREATE TABLE batch_files (
  id           INTEGER PRIMARY KEY,
  job_id       INTEGER NOT NULL REFERENCES batch_jobs(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  path         TEXT NOT NULL,
  size         INTEGER NOT NULL,
  state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'bad')),
  pages_landed INTEGER NOT NULL DEFAULT 0,
  error_code   TEXT,
  error_vi     TEXT,
  error_en     TEXT,
  UNIQUE (job_id, position),
  UNIQUE (job_id, path)
);

CREATE TABLE batch_dossiers (
  id       INTEGER PRIMARY KEY,
  job_id   INTEGER NOT NULL REFERENCES batch_jobs(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  MaHoSo   TEXT,
  UNIQUE (job_id, position)
);

CREATE TABLE batch_pages (
  id          INTEGER PRIMARY KEY,
  job_id      INTEGER NOT NULL REFERENCES batch_jobs(id) ON DELETE CASCADE,
  file_id     INTEGER NOT NULL REFERENCES batch_files(id) ON DELETE CASCADE,
  file_page   INTEGER NOT NULL,
  seq         INTEGER NOT NULL,
  dossier_id  INTEGER NOT NULL REFERENCES batch_dossiers(id) ON DELETE CASCADE,
  separator   INTEGER NOT NULL DEFAULT 0,
  blank       INTEGER NOT NULL DEFAULT 0,
  blob_sha256 TEXT NOT NULL REFERENCES blobs(sha256),
  mime        TEXT NOT NULL,
  width       INTEGER NOT NULL,
  height      INTEGER NOT NULL,
  dpi         INTEGER NOT NULL,
  landed_at   TEXT NOT NULL,
  UNIQUE (file_id, file_page),
  UNIQUE (job_id, seq)
);
CREATE INDEX batch_pages_dossier ON batch_pages (dossier_id, seq);
`,
};
