/**
 * Work that runs for as long as an app process (desktop or browser mode) is up, started once
 * after the core exists: today the sync engine's loop, which starts only when the station is
 * configured and `sync.enabled`. A failure here is logged and leaves the app usable offline.
 */
import type { Core } from '../core/index.js';
import { syncEngineService } from './handlers/sync.js';

export async function startBackgroundServices(core: Core): Promise<void> {
  try {
    await core.use(syncEngineService);
  } catch (error) {
    core.log.error({ err: error }, 'sync engine did not start; dossiers stay queued locally');
  }
}
