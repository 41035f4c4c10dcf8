/**
 * Handlers of `contract/sync.ts`. The engine is a core service sharing the store's connection
 * (one writer); it starts its background loop when `sync.enabled` and the station is configured.
 * Without a configuration the status still answers, from the tables.
 */
import { AppError, isAppError } from '../../domain/index.js';
import { defineService } from '../../core/index.js';
import { storeService } from '../../core/dossiers/index.js';
import {
  OutboxStore,
  SyncEngine,
  readClientSecret,
  storeStation,
  syncSettingsFrom,
  syncStatus,
} from '../../sync/index.js';
import type { Store } from '../../store/index.js';
import { syncContract } from '../contract/sync.js';
import type { SyncStatusView } from '../contract/sync.js';
import { implement } from '../handler.js';

export const syncEngineService = defineService<Promise<SyncEngine | undefined>>({
  name: 'sync',
  create: async (core) => {
    const store = await core.use(storeService);
    let settings;
    try {
      settings = syncSettingsFrom(core.config, readClientSecret(core.dataDir));
    } catch (error) {
      if (isAppError(error) && error.code === 'NOT_CONFIGURED') return undefined;
      throw error;
    }
    const engine = new SyncEngine({
      db: store.db,
      settings,
      station: storeStation(store),
      onItem: (e) => core.events.publish('sync.itemChanged', e),
      onConnectivity: (s) =>
        core.events.publish('sync.connectivityChanged', {
          connectivity: s.connectivity,
          since: s.since,
        }),
    });
    if (core.config.sync.enabled) engine.start();
    return engine;
  },
  dispose: async (engine) => (await engine)?.stop(),
});

function view(store: Store, configured: boolean): SyncStatusView {
  return { configured, ...syncStatus(store.db) };
}

function notConfigured(): AppError {
  return new AppError('NOT_CONFIGURED', {
    vi: 'Chưa cấu hình đồng bộ (địa chỉ cổng kết nối, mã máy trạm, mã đơn vị, mật khẩu máy trạm).',
    en: 'Sync is not configured (gateway URL, client id, agency code, client secret).',
  });
}

export const syncHandlers = implement(syncContract, {
  'sync.status': async (_input, { core }) => {
    const engine = await core.use(syncEngineService);
    return view(await core.use(storeService), engine !== undefined);
  },
  'sync.runNow': async (_input, { core }) => {
    const engine = await core.use(syncEngineService);
    if (!engine) throw notConfigured();
    engine.resetConnectivity();
    engine.wake();
    return view(await core.use(storeService), true);
  },
  'sync.retry': async ({ MaHoSo }, { core }) => {
    const store = await core.use(storeService);
    if (!new OutboxStore(store.db, Date.now).retry(MaHoSo)) {
      throw new AppError(
        'NOT_FOUND',
        {
          vi: `Không có hồ sơ ${MaHoSo} trong hàng đợi đồng bộ.`,
          en: `Dossier ${MaHoSo} is not in the sync outbox.`,
        },
        { details: { MaHoSo } },
      );
    }
    const engine = await core.use(syncEngineService);
    engine?.wake();
    return view(store, engine !== undefined);
  },
  'sync.refreshCatalog': async (_input, { core }) => {
    const engine = await core.use(syncEngineService);
    if (!engine) throw notConfigured();
    return engine.refreshCatalog();
  },
});
