import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DossierService, ensureCatalog } from '../../src-main/core/dossiers/index.js';
import { openStore } from '../../src-main/store/index.js';
import type { Store } from '../../src-main/store/index.js';

export const AGENCY = '000.00.06.H56';

export function tempDir(prefix = 'sohoa-store-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function withStore<T>(fn: (store: Store, dir: string) => T | Promise<T>): Promise<T> {
  const { dir, remove } = tempDir();
  const store = await openCatalogued(dir);
  try {
    return await fn(store, dir);
  } finally {
    store.close();
    remove();
  }
}

/** A store with the default catalog, as the app opens it. */
export async function openCatalogued(dir: string): Promise<Store> {
  const store = await openStore(dir);
  ensureCatalog(store);
  return store;
}

export function serviceFor(store: Store, now?: () => Date): DossierService {
  return new DossierService(store, { agency: AGENCY, ...(now ? { now } : {}) });
}

/** Counts of every table a failed request must leave untouched. */
export function snapshot(store: Store): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of [
    'dossiers',
    'components',
    'documents',
    'pages',
    'blobs',
    'audit_log',
    'code_leases',
    'search_fts',
    'page_ocr',
  ]) {
    out[t] = (store.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  return out;
}
