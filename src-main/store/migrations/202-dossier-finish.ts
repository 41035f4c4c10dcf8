import type { Migration } from '../migration.js';

/**
 * Finishing a dossier at the counter: waivers of required components (who waived and why), the
 * key of the pages each document's PDF was built from (so a resumed or repeated finish rebuilds
 * only what changed), and the reception receipt ("Giấy tiếp nhận hồ sơ và hẹn trả kết quả").
 */
export const migration: Migration = {
  up: `
CREATE TABLE component_waivers (
  component_id INTEGER PRIMARY KEY REFERENCES components(id) ON DELETE CASCADE,
  reason       TEXT NOT NULL,
  clerk        TEXT NOT NULL,
  created_at   TEXT NOT NULL
);

CREATE TABLE document_builds (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  pages_key   TEXT NOT NULL,
  page_count  INTEGER NOT NULL,
  built_at    TEXT NOT NULL
);

CREATE TABLE dossier_receipts (
  dossier_id  INTEGER PRIMARY KEY REFERENCES dossiers(id) ON DELETE CASCADE,
  blob_sha256 TEXT NOT NULL REFERENCES blobs(sha256),
  paper       TEXT NOT NULL CHECK (paper IN ('A4', 'A5')),
  clerk       TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
`,
};
