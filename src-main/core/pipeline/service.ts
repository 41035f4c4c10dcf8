/**
 * The pipeline as a core service: one per data directory, taking pages from the moment it is
 * first used (the app starts it in the background; a bulk job's process uses it directly).
 */
import { storeService } from '../dossiers/index.js';
import { defineService } from '../service.js';
import { PipelineService, pipelineSettings } from './pipeline-service.js';

export const pipelineService = defineService<Promise<PipelineService>>({
  name: 'pipeline',
  create: async (core) => {
    const pipeline = new PipelineService(
      core,
      await core.use(storeService),
      pipelineSettings(core),
    );
    pipeline.start();
    return pipeline;
  },
  dispose: async (pipeline) => (await pipeline).close(),
});
