import type { Migration } from '../migration.js';

/**
 * Patch-code separator sheets. A patch job is a separator-sheet job (`separator` 'blank', the
 * family of jobs whose separators are sheets kept with their dossier, not content) whose sheets
 * are told apart by their patch code rather than by being blank: `patch_dossier` lists the
 * patch types that open a dossier ("2,3"), `patch_component` those that open the dossier's next
 * component ("T", or '' for none). The `separator` CHECK is not widened instead: that would
 * mean rebuilding `batch_jobs` and every table referencing it.
 */
export const migration: Migration = {
  up: `
ALTER TABLE batch_jobs ADD COLUMN patch_dossier TEXT
  CHECK (patch_dossier IS NULL OR (separator = 'blank' AND patch_dossier <> ''));
ALTER TABLE batch_jobs ADD COLUMN patch_component TEXT
  CHECK ((patch_component IS NULL) = (patch_dossier IS NULL));
`,
};
