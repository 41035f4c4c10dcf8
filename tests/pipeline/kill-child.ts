/**
 * The app side of the pipeline, run as its own process so a test can SIGKILL it mid-page:
 * starts the page pipeline on a data directory and reports every processed page to the parent.
 * argv: dataDir
 */
import { createCore } from '../../src-main/core/index.js';
import { pipelineService } from '../../src-main/core/pipeline/index.js';

const [dataDir = ''] = process.argv.slice(2);
const core = createCore({
  dataDir,
  env: { SOHOA_AGENCY_CODE: '000.00.06.H56', SOHOA_PIPELINE_WORKERS: '2' },
});
core.events.subscribe((name, payload) => {
  if (name === 'pipeline.pageProcessed') process.send?.(payload);
});
await core.use(pipelineService);
process.send?.({ started: true });
