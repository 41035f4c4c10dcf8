import type { Migration } from '../migration.js';

/**
 * The OCR of a processed page as the PDF text layer needs it (lines with baselines, words with
 * boxes, in the processed image's pixels). `page_ocr.words` is flat and cannot place a line.
 */
export const migration: Migration = {
  up: `ALTER TABLE page_processing ADD COLUMN text_layer TEXT;`,
};
