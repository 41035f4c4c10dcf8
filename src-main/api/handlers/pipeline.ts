/** Handlers of `contract/pipeline.ts`, over the core's pipeline service. */
import { storeService } from '../../core/dossiers/index.js';
import { pipelineService } from '../../core/pipeline/index.js';
import { pipelineContract } from '../contract/pipeline.js';
import { implement } from '../handler.js';

export const pipelineHandlers = implement(pipelineContract, {
  'pipeline.status': async ({ MaHoSo }, { core }) => {
    const dossier = (await core.use(storeService)).dossiers.requireByCode(MaHoSo);
    return (await core.use(pipelineService)).dossier(dossier.id);
  },
  'pipeline.page': async ({ pageId }, { core }) => (await core.use(pipelineService)).page(pageId),
  'pipeline.thumbnail': async ({ pageId }, { core }) => {
    const bytes = (await core.use(pipelineService)).thumbnail(pageId);
    return { pageId, dataUrl: `data:image/jpeg;base64,${bytes.toString('base64')}` };
  },
  'pipeline.reprocess': async ({ pageId, ...options }, { core }) =>
    (await core.use(pipelineService)).reprocessPage(pageId, options),
});
