/** Page review as a core service: one per data directory, over the dossier store. */
import { storeService } from '../dossiers/index.js';
import { defineService } from '../service.js';
import { DEFAULT_REVIEW_THRESHOLD } from '../../ocr/index.js';
import { PageReviewService } from './review-service.js';

export const pageReviewService = defineService<Promise<PageReviewService>>({
  name: 'page-review',
  create: async (core) =>
    new PageReviewService(await core.use(storeService), {
      lowConfidence: DEFAULT_REVIEW_THRESHOLD,
    }),
});
