/**
 * The default catalog: loaded into a store that has no procedures yet, so a new counter can
 * receive dossiers before its first sync brings the province's catalog.
 */
import { readCatalogFile } from '../../store/index.js';
import type { Store } from '../../store/index.js';
import { resourcePath } from '../../platform/index.js';

export function defaultCatalogPath(): string {
  return resourcePath('catalog', 'default.json');
}

/** Imports the default catalog when the store has none; returns whether it did. */
export function ensureCatalog(store: Store, file = defaultCatalogPath()): boolean {
  if (store.catalog.count() > 0) return false;
  store.importCatalog(readCatalogFile(file));
  return true;
}
