import type { Migration } from '../migration.js';

/**
 * Page review: a deleted page is only hidden (`pages.deleted_at`), never removed, so the clerk can
 * undo. `page_deletions` remembers, per clerk action (`action_id`, several pages at once), where
 * each page stood in its component, so undo puts it back in the same place. A page replaced by a
 * rescan is deleted the same way (`reason = 'replaced'`).
 */
export const migration: Migration = {
  up: `
ALTER TABLE pages ADD COLUMN deleted_at TEXT;

CREATE TABLE page_deletions (
  id            INTEGER PRIMARY KEY,
  page_id       INTEGER NOT NULL UNIQUE REFERENCES pages(id) ON DELETE CASCADE,
  dossier_id    INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
  component_id  INTEGER NOT NULL REFERENCES components(id) ON DELETE CASCADE,
  action_id     TEXT NOT NULL,
  reason        TEXT NOT NULL CHECK (reason IN ('deleted', 'replaced')),
  place         INTEGER NOT NULL CHECK (place >= 0),
  deleted_at    TEXT NOT NULL,
  actor         TEXT NOT NULL
);
CREATE INDEX page_deletions_dossier ON page_deletions (dossier_id, id);
`,
};
