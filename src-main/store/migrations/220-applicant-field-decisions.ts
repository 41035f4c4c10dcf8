import type { Migration } from '../migration.js';

/**
 * The clerk's word on values read off a dossier's pages: a scanned value used for the applicant
 * (`used`), or the typed value kept against it (`kept`). Keyed by the value, not by the
 * extracted field's row, because the pipeline replaces a page's fields whenever it reads the page
 * again; a value once decided is not asked about again.
 */
export const migration: Migration = {
  up: `
CREATE TABLE applicant_field_decisions (
  dossier_id  INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
  target      TEXT NOT NULL CHECK (target IN ('ChuHoSo', 'SoDinhDanh', 'SoDienThoai')),
  value       TEXT NOT NULL,
  decision    TEXT NOT NULL CHECK (decision IN ('used', 'kept')),
  page_id     INTEGER REFERENCES pages(id) ON DELETE SET NULL,
  kind        TEXT NOT NULL,
  confidence  REAL NOT NULL,
  clerk       TEXT NOT NULL,
  decided_at  TEXT NOT NULL,
  PRIMARY KEY (dossier_id, target, value)
);
`,
};
