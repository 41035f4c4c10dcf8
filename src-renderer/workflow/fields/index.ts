/**
 * Extracted fields to confirm (review step): the values read off the dossier's pages, shown on
 * the page, and used to fill in the applicant after the clerk compares them with what was typed.
 */
export { ExtractedFields } from './ExtractedFields.js';
export { FieldHighlight } from './FieldHighlight.js';
export type { ExtractedField } from './types.js';
