import type { Migration } from '../migration.js';

/**
 * Full-text index over dossier fields and OCR text. The indexed column holds the Vietnamese fold
 * of the text (see domain/fold.ts) because FTS5's remove_diacritics does not fold đ; the original
 * stays in its own table. rowid = page id for OCR text, -dossier id for a dossier's fields.
 */
export const migration: Migration = {
  up: `
CREATE VIRTUAL TABLE search_fts USING fts5(
  folded,
  dossier_id UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 0'
);
`,
};
