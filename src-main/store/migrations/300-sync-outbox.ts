import type { Migration } from '../migration.js';

/**
 * The sync outbox: one row per dossier waiting for the province, its files with their
 * persisted tus upload URLs, the receipts of what the province acknowledged, the province's
 * status of each dossier, and the engine's small state (connectivity, catalog version).
 */
export const migration: Migration = {
  up: `
CREATE TABLE sync_outbox (
  id              INTEGER PRIMARY KEY,
  dossier_id      INTEGER,
  MaHoSo          TEXT NOT NULL,
  provisional     INTEGER NOT NULL DEFAULT 0,
  official_code   TEXT,
  code_applied    INTEGER NOT NULL DEFAULT 0,
  state           TEXT NOT NULL DEFAULT 'queued'
                  CHECK (state IN ('queued', 'uploading', 'files_done', 'sent', 'needs_attention')),
  payload         TEXT NOT NULL,
  base_revision   TEXT,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  attention       TEXT,
  enqueued_at     TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX sync_outbox_code ON sync_outbox (MaHoSo);
CREATE INDEX sync_outbox_due ON sync_outbox (state, next_attempt_at, id);

CREATE TABLE sync_outbox_files (
  outbox_id       INTEGER NOT NULL REFERENCES sync_outbox(id) ON DELETE CASCADE,
  position        INTEGER NOT NULL,
  path            TEXT NOT NULL,
  sha256          TEXT NOT NULL CHECK (length(sha256) = 64),
  size            INTEGER NOT NULL CHECK (size >= 0),
  filename        TEXT NOT NULL,
  mime            TEXT NOT NULL,
  upload_url      TEXT,
  file_id         TEXT,
  rejections      INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (outbox_id, position)
);

CREATE TABLE sync_receipts (
  MaHoSo           TEXT PRIMARY KEY,
  dossier_id       INTEGER,
  provisional_code TEXT,
  PhienBan         TEXT NOT NULL,
  payload_sha256   TEXT NOT NULL,
  acknowledged_at  TEXT NOT NULL
);

-- Files the province holds complete, by content: an edit of a sent dossier references them
-- again instead of uploading the same bytes a second time.
CREATE TABLE sync_uploaded_files (
  sha256      TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  file_id     TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
);

CREATE TABLE sync_remote_status (
  MaHoSo        TEXT PRIMARY KEY,
  TrangThaiHoSo INTEGER NOT NULL,
  PhienBan      TEXT NOT NULL,
  fetched_at    TEXT NOT NULL
);

CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`,
};
