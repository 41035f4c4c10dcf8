/**
 * Blob reference counting. Any table that stores a blob hash declares
 * `... REFERENCES blobs(sha256)`; after migrations the store creates insert/update/delete
 * triggers for every such column, so `blobs.refcount` stays exact without any capability having
 * to remember to count. When triggers are added the counts are recomputed from the rows.
 */
import type { Db } from './connection.js';

export interface BlobRefColumn {
  table: string;
  column: string;
}

export function blobRefColumns(db: Db): BlobRefColumn[] {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as Array<{ name: string }>;
  const out: BlobRefColumn[] = [];
  for (const { name } of tables) {
    const fks = db
      .prepare('SELECT "table" AS target, "from" AS col FROM pragma_foreign_key_list(?)')
      .all(name) as Array<{
      target: string;
      col: string;
    }>;
    for (const fk of fks) if (fk.target === 'blobs') out.push({ table: name, column: fk.col });
  }
  return out;
}

const q = (id: string): string => `"${id.replace(/"/g, '""')}"`;

export function ensureBlobRefTriggers(db: Db): void {
  // Inside the write lock: another process opening the same store may be doing the same.
  db.transaction(() => {
    const existing = new Set(
      (
        db
          .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'blobref_%'",
          )
          .all() as Array<{
          name: string;
        }>
      ).map((r) => r.name),
    );
    const columns = blobRefColumns(db);
    let added = false;
    for (const { table, column } of columns) {
      const base = `blobref_${table}_${column}`;
      if (existing.has(`${base}_ins`)) continue;
      const t = q(table);
      const c = q(column);
      db.exec(`
        CREATE TRIGGER ${q(`${base}_ins`)} AFTER INSERT ON ${t} WHEN NEW.${c} IS NOT NULL
        BEGIN UPDATE blobs SET refcount = refcount + 1 WHERE sha256 = NEW.${c}; END;
        CREATE TRIGGER ${q(`${base}_del`)} AFTER DELETE ON ${t} WHEN OLD.${c} IS NOT NULL
        BEGIN UPDATE blobs SET refcount = refcount - 1 WHERE sha256 = OLD.${c}; END;
        CREATE TRIGGER ${q(`${base}_upd`)} AFTER UPDATE OF ${c} ON ${t} WHEN OLD.${c} IS NOT NEW.${c}
        BEGIN
          UPDATE blobs SET refcount = refcount - 1 WHERE sha256 = OLD.${c};
          UPDATE blobs SET refcount = refcount + 1 WHERE sha256 = NEW.${c};
        END;`);
      added = true;
    }
    if (added) recountBlobRefs(db, columns);
  }).immediate();
}

/** The reference count each blob should have, computed from the referencing rows. */
export function countedRefsSql(columns: BlobRefColumn[]): string {
  if (columns.length === 0) return 'SELECT NULL AS sha256 WHERE 0';
  return columns
    .map(
      ({ table, column }) =>
        `SELECT ${q(column)} AS sha256 FROM ${q(table)} WHERE ${q(column)} IS NOT NULL`,
    )
    .join(' UNION ALL ');
}

export function recountBlobRefs(db: Db, columns = blobRefColumns(db)): void {
  db.exec(
    `UPDATE blobs SET refcount = (SELECT count(*) FROM (${countedRefsSql(columns)}) r WHERE r.sha256 = blobs.sha256)`,
  );
}
