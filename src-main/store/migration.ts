/**
 * Versioned migrations. Every capability adds files to `src-main/store/migrations/` named
 * `NNN-what-it-does.ts` with NNN from its range (see docs/DEVELOPING.md), each exporting
 *
 *   export const migration: Migration = { up: `CREATE TABLE ...;` };   // or up(db) { ... }
 *
 * Pending migrations run in ascending number, each in its own transaction together with its
 * `schema_migrations` row, so a crash leaves every migration either fully applied or not at all.
 * Ranges leave gaps on purpose, so a migration is pending when its number is not yet recorded,
 * not when it is above the highest one. An applied migration is never edited: add a new one.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { AppError } from '../domain/index.js';
import type { Db } from './connection.js';

export interface Migration {
  up: string | ((db: Db) => void);
}

interface MigrationFile {
  version: number;
  name: string;
  file: string;
}

const FILE_PATTERN = /^(\d{3})-([a-z0-9-]+)\.(ts|js)$/;

export function migrationFiles(
  dir = fileURLToPath(new URL('./migrations/', import.meta.url)),
): MigrationFile[] {
  const byVersion = new Map<number, MigrationFile>();
  for (const entry of readdirSync(dir)) {
    const m = FILE_PATTERN.exec(entry);
    if (!m || entry.endsWith('.d.ts')) continue;
    const version = Number(m[1]);
    const name = m[2] as string;
    const existing = byVersion.get(version);
    // A build may hold only .js; a checkout only .ts. Two different names for one number is a bug.
    if (existing && existing.name !== name) {
      throw new AppError(
        'INTERNAL',
        {
          vi: `Hai tệp migration cùng số ${version}`,
          en: `Two migration files share number ${version}`,
        },
        { details: { a: existing.file, b: entry } },
      );
    }
    if (!existing || entry.endsWith('.ts') === import.meta.url.endsWith('.ts'))
      byVersion.set(version, { version, name, file: join(dir, entry) });
  }
  return [...byVersion.values()].sort((a, b) => a.version - b.version);
}

export async function migrate(
  db: Db,
  files: MigrationFile[] = migrationFiles(),
): Promise<number[]> {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map(
      (r) => r.version,
    ),
  );
  const done: number[] = [];
  for (const file of files) {
    if (applied.has(file.version)) continue;
    const mod = (await import(pathToFileURL(file.file).href)) as { migration?: Migration };
    const migration = mod.migration;
    if (!migration) {
      throw new AppError(
        'INTERNAL',
        {
          vi: `Tệp migration ${file.file} không xuất khẩu "migration"`,
          en: `Migration file ${file.file} does not export "migration"`,
        },
        { details: { file: file.file } },
      );
    }
    db.transaction(() => {
      // Re-check inside the write lock: another process may have migrated meanwhile.
      if (db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(file.version)) return;
      if (typeof migration.up === 'string') db.exec(migration.up);
      else migration.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        file.version,
        file.name,
        new Date().toISOString(),
      );
      done.push(file.version);
    }).immediate();
  }
  return done;
}
