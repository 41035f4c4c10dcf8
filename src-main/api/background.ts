/**
 * Work that runs for as long as an app process (desktop or browser mode) is up, started once
 * after the core exists: the scan sessions, whose creation lands pages a killed run left in the
 * scan spool, and the sync engine's loop, which starts only when the station is configured and
 * `sync.enabled`; the page pipeline, which cleans and reads every landed page; and the retention
 * schedule, which purges what `security.retentionDays` says is due. A failure here is logged and
 * leaves the app usable offline.
 */
import type { Core } from '../core/index.js';
import { pipelineService } from '../core/pipeline/index.js';
import { retentionScheduleService } from '../core/retention/index.js';
import { scanSessionsService } from './handlers/scan.js';
import { syncEngine } from './handlers/sync.js';

export async function startBackgroundServices(core: Core): Promise<void> {
  try {
    core.use(scanSessionsService);
  } catch (error) {
    core.log.error({ err: error }, 'scan sessions did not start; spooled pages stay on disk');
  }
  try {
    // re-queues pages a killed run left half-processed, then processes every landed page
    await core.use(pipelineService);
  } catch (error) {
    core.log.error({ err: error }, 'page pipeline did not start; pages stay queued');
  }
  try {
    await syncEngine(core);
  } catch (error) {
    core.log.error({ err: error }, 'sync engine did not start; dossiers stay queued locally');
  }
  try {
    core.use(retentionScheduleService);
  } catch (error) {
    core.log.error({ err: error }, 'retention schedule did not start; run sohoa retention');
  }
}
