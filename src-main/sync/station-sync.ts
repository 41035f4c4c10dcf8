/**
 * The sync engine of one station's data directory: its configuration, its client secret and
 * its store, wired together. The CLI and the app's background service both start here.
 */
import { loadConfig } from '../platform/index.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/index.js';
import { readClientSecret, syncSettingsFrom } from './config.js';
import { SyncEngine } from './engine.js';
import type { SyncEngineOptions } from './engine.js';
import { storeStation } from './store-link.js';

export interface StationSync {
  engine: SyncEngine;
  store: Store;
  close(): Promise<void>;
}

export async function openStationSync(
  dataDir: string,
  options: Pick<SyncEngineOptions, 'onItem' | 'onConnectivity' | 'clock'> & {
    clientSecret?: string;
  } = {},
): Promise<StationSync> {
  const { config } = loadConfig({ dataDir });
  const settings = syncSettingsFrom(config, options.clientSecret ?? readClientSecret(dataDir));
  const store = await openStore(dataDir);
  const engine = new SyncEngine({
    ...options,
    db: store.db,
    settings,
    station: storeStation(store),
  });
  return {
    engine,
    store,
    async close() {
      await engine.stop();
      store.close();
    },
  };
}
