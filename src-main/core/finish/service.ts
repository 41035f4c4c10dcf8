/** Finishing as a core service: one per data directory, over the store and the page pipeline. */
import { storeService } from '../dossiers/index.js';
import { pipelineService } from '../pipeline/index.js';
import { defineService } from '../service.js';
import { FinishService } from './finish-service.js';

export const finishService = defineService<Promise<FinishService>>({
  name: 'finish',
  create: async (core) =>
    new FinishService(await core.use(storeService), await core.use(pipelineService), () => ({
      agency: core.config.agency,
      signing: core.config.signing,
    })),
});
