import type { Migration } from '../migration.js';

/**
 * Result papers scanned at the counter. Their pages go through the page pipeline like any other
 * (cleanup, OCR, search), so they need a document, and a document a component: each dossier gets
 * one component of kind `result` for them, kept out of the checklist (finishing, readiness, sync
 * and review list only `checklist` components). A result row names the document its PDF was built
 * from; a document of that component with no result row is a scan not yet saved.
 */
export const migration: Migration = {
  up: `
ALTER TABLE components ADD COLUMN kind TEXT NOT NULL DEFAULT 'checklist'
  CHECK (kind IN ('checklist', 'result'));
CREATE UNIQUE INDEX components_result ON components (dossier_id) WHERE kind = 'result';

ALTER TABLE results ADD COLUMN document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL;
CREATE UNIQUE INDEX results_document ON results (document_id) WHERE document_id IS NOT NULL;
`,
};
