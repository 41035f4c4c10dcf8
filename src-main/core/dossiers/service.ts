/**
 * The store and the dossier service as core services: one per data directory, opened on first
 * use. Opening migrates, so the store service is a promise; callers `await core.use(storeService)`.
 */
import { createCore } from '../core.js';
import type { Core } from '../core.js';
import { defineService } from '../service.js';
import { openStore } from '../../store/index.js';
import type { Store } from '../../store/index.js';
import { ensureCatalog } from './catalog.js';
import { DossierService } from './dossier-service.js';

export const storeService = defineService<Promise<Store>>({
  name: 'store',
  create: async (core: Core) => {
    const store = await openStore(core.dataDir);
    ensureCatalog(store);
    return store;
  },
  dispose: async (store) => (await store).close(),
});

export const dossierService = defineService<Promise<DossierService>>({
  name: 'dossiers',
  create: async (core: Core) => {
    const agency = core.config.agency.code;
    return new DossierService(await core.use(storeService), agency ? { agency } : {});
  },
});

/**
 * For one-shot callers (CLI, scripts): a core for `dataDir`, the dossier service, then close.
 */
export async function withDossierService<T>(
  dataDir: string,
  fn: (service: DossierService) => T | Promise<T>,
): Promise<T> {
  const core = createCore({ dataDir });
  try {
    return await fn(await core.use(dossierService));
  } finally {
    await core.close();
  }
}
