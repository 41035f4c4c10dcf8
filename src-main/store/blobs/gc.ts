/**
 * Garbage collection of blobs no row references. Files are moved to trash inside the same write
 * transaction that deletes their rows and only removed after it commits; `recoverTrash` (run at
 * open) puts back any file whose row survived a crash. So a row never points at a missing file.
 */
import type { Db } from '../connection.js';
import type { BlobStore } from './blob-store.js';

export interface GcReport {
  removedBlobs: number;
  removedBytes: number;
  removedOrphanFiles: number;
}

export function recoverTrash(db: Db, blobs: BlobStore): void {
  const known = db.prepare('SELECT 1 FROM blobs WHERE sha256 = ?');
  for (const sha of blobs.trashed()) {
    if (known.get(sha)) blobs.restoreFromTrash(sha);
    else blobs.removeFromTrash(sha);
  }
}

/**
 * @param orphanGraceMs files without a row younger than this are left alone: another writer may be
 *   between writing the file and committing its row.
 */
export function collectGarbage(db: Db, blobs: BlobStore, orphanGraceMs = 3_600_000): GcReport {
  recoverTrash(db, blobs);
  const unreferenced = db
    .transaction(() => {
      const rows = db.prepare('SELECT sha256, size FROM blobs WHERE refcount = 0').all() as Array<{
        sha256: string;
        size: number;
      }>;
      const del = db.prepare('DELETE FROM blobs WHERE sha256 = ? AND refcount = 0');
      for (const row of rows) {
        blobs.moveToTrash(row.sha256);
        del.run(row.sha256);
      }
      return rows;
    })
    .immediate();
  for (const row of unreferenced) blobs.removeFromTrash(row.sha256);

  const known = db.prepare('SELECT 1 FROM blobs WHERE sha256 = ?');
  const cutoff = Date.now() - orphanGraceMs;
  const orphans = [...blobs.list()].filter((f) => f.mtimeMs < cutoff && !known.get(f.sha256));
  const moved = db
    .transaction(() => {
      const out: string[] = [];
      for (const f of orphans) {
        if (known.get(f.sha256)) continue;
        blobs.moveToTrash(f.sha256);
        out.push(f.sha256);
      }
      return out;
    })
    .immediate();
  for (const sha of moved) blobs.removeFromTrash(sha);
  return {
    removedBlobs: unreferenced.length,
    removedBytes: unreferenced.reduce((n, r) => n + r.size, 0),
    removedOrphanFiles: moved.length,
  };
}
