/** Page review as a core service: one per data directory, over the store and the pipeline. */
import { storeService } from '../dossiers/index.js';
import { pipelineService } from '../pipeline/index.js';
import { defineService } from '../service.js';
import { PageReviewService } from './review-service.js';

export const pageReviewService = defineService<Promise<PageReviewService>>({
  name: 'page-review',
  create: async (core) =>
    new PageReviewService(await core.use(storeService), {
      lowConfidence: core.config.pipeline.flagOcrConfidence,
      pipeline: () => core.use(pipelineService),
    }),
});
