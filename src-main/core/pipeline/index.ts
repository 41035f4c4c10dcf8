/**
 * The page pipeline: cleanup → processed image + thumbnail → OCR → search index, fields, flags,
 * one durable state per page (see pipeline-service.ts).
 *
 *   const pipeline = await core.use(pipelineService);
 *   pipeline.enqueue(pageIds, { profile: 'bulk', ocr: false });   // options for landed pages
 *   await pipeline.waitFor(pageIds);                               // every one done or failed
 *   pipeline.reprocessPage(pageId, { turn: 90 });                  // the clerk turned it
 */
export { pipelineService } from './service.js';
export { PipelineService, pipelineSettings } from './pipeline-service.js';
export type {
  EnqueueOptions,
  ReprocessOptions,
  WaitOptions,
  PipelineSettings,
} from './pipeline-service.js';
export { MIN_SCAN_DPI } from './flags.js';
