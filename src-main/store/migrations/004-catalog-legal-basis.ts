import type { Migration } from '../migration.js';

/** The legal basis a catalog entry cites next to its source page. */
export const migration: Migration = {
  up: `ALTER TABLE procedures ADD COLUMN legal_basis TEXT;`,
};
