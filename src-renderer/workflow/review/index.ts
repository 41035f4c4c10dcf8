/** The review step of receiving a dossier: the page grid, its edits, the preview with OCR text. */
export { ReviewStep } from './ReviewStep.js';
export type { ReviewStepProps } from './ReviewStep.js';
