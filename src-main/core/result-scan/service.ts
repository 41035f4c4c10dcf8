/** Scanning result papers as a core service: one per data directory, over the store and pipeline. */
import { storeService } from '../dossiers/index.js';
import { pipelineService } from '../pipeline/index.js';
import { defineService } from '../service.js';
import { ResultScanService } from './result-scan-service.js';

export const resultScanService = defineService<Promise<ResultScanService>>({
  name: 'result-scan',
  create: async (core) =>
    new ResultScanService(await core.use(storeService), await core.use(pipelineService), () => ({
      agency: core.config.agency,
    })),
});
