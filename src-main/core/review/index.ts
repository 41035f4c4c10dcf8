/**
 * Page review (issue #9, review step): a dossier's pages per component with their flags, page
 * images for the grid and the zoomed preview, and the clerk's edits — rotate, delete with undo,
 * reorder, move to another component, replace by a rescan.
 */
export { PageReviewService } from './review-service.js';
export type { PageReviewOptions, PageReprocessor } from './review-service.js';
export { pageReviewService } from './service.js';
export { ReplacingDestination } from './replace-destination.js';
export { IMAGE_EDGE } from './page-images.js';
export { moveTo, placements } from './arrange.js';
export {
  ListPagesSchema,
  PageImageSchema,
  PageTextSchema,
  RotatePagesSchema,
  DeletePagesSchema,
  UndoDeleteSchema,
  ReorderPagesSchema,
  MovePagesSchema,
} from './input.js';
export type {
  ListPagesInput,
  PageImageInput,
  RotatePagesInput,
  DeletePagesInput,
  UndoDeleteInput,
  ReorderPagesInput,
  MovePagesInput,
} from './input.js';
export type * from './types.js';
