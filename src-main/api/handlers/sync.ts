/**
 * Handlers of `contract/sync.ts`. The engine is a core service sharing the store's connection
 * (one writer); it starts its background loop when `sync.enabled` and the station is configured,
 * and is replaced when the configuration or the client secret changes (see sync/engine-slot.ts).
 * Without a configuration the status still answers, from the tables.
 */
import { AppError, isAppError } from '../../domain/index.js';
import type { Core } from '../../core/index.js';
import { defineService } from '../../core/index.js';
import { storeService } from '../../core/dossiers/index.js';
import {
  OutboxStore,
  SyncEngine,
  SyncEngineSlot,
  clearClientSecret,
  clientSecretState,
  readClientSecret,
  storeStation,
  syncSettingsFrom,
  syncStatus,
  writeClientSecret,
} from '../../sync/index.js';
import type { EngineRecipe } from '../../sync/index.js';
import type { Store } from '../../store/index.js';
import { syncContract } from '../contract/sync.js';
import type { SyncStatusView } from '../contract/sync.js';
import { implement } from '../handler.js';

function recipe(core: Core): EngineRecipe {
  try {
    return {
      settings: syncSettingsFrom(core.config, readClientSecret(core.dataDir)),
      enabled: core.config.sync.enabled,
    };
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_CONFIGURED')
      return { settings: undefined, enabled: core.config.sync.enabled };
    throw error;
  }
}

export const syncEngineService = defineService({
  name: 'sync',
  create: (core) => {
    const slot = new SyncEngineSlot({
      recipe: () => recipe(core),
      create: async (settings) => {
        const store = await core.use(storeService);
        return new SyncEngine({
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
      },
    });
    // Settings saved through config.set (gateway, agency, sync sections) apply at once.
    const unsubscribe = core.events.subscribe((name) => {
      if (name !== 'config.changed') return;
      slot.reconfigure().catch((error: unknown) => {
        core.log.error({ err: error }, 'sync engine did not restart after a configuration change');
      });
    });
    return { slot, unsubscribe };
  },
  dispose: async ({ slot, unsubscribe }) => {
    unsubscribe();
    await slot.stop();
  },
});

/** The running engine (undefined: the station is not configured for sync). */
export function syncEngine(core: Core): Promise<SyncEngine | undefined> {
  return core.use(syncEngineService).slot.current();
}

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
    const engine = await syncEngine(core);
    return view(await core.use(storeService), engine !== undefined);
  },
  'sync.runNow': async (_input, { core }) => {
    const engine = await syncEngine(core);
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
    const engine = await syncEngine(core);
    engine?.wake();
    return view(store, engine !== undefined);
  },
  'sync.clientSecret': (_input, { core }) => clientSecretState(core.dataDir),
  'sync.setClientSecret': async ({ secret }, { core, actor }) => {
    if (secret === null) clearClientSecret(core.dataDir);
    else writeClientSecret(core.dataDir, secret);
    const store = await core.use(storeService);
    // Who changed the station's credentials, never what they are.
    store.record({ actor, action: secret === null ? 'gateway.secretClear' : 'gateway.secretSet' });
    const engine = await core.use(syncEngineService).slot.reconfigure();
    engine?.wake();
    return { ...clientSecretState(core.dataDir), configured: engine !== undefined };
  },
  'sync.refreshCatalog': async (_input, { core }) => {
    const engine = await syncEngine(core);
    if (!engine) throw notConfigured();
    return engine.refreshCatalog();
  },
});
