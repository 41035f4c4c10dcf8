/**
 * Opening the SQLite database. WAL lets readers run while the one writer commits;
 * synchronous=FULL makes a commit durable once it returns (a scanned page must survive a power
 * cut the moment it is reported stored); a busy timeout lets a second process (the CLI next to
 * the app) wait for the writer instead of failing.
 *
 * Encryption: the whole database file (and its WAL) is encrypted by SQLite3 Multiple Ciphers
 * (ChaCha20-Poly1305 per page), not row by row. Search needs it: the FTS5 index holds every
 * name and CCCD number, folded, in its own tables, and encrypted rows cannot be full-text
 * indexed without leaking the words into the index. The driver is better-sqlite3 built with
 * SQLite3MultipleCiphers: the same API, so nothing above this file changes.
 */
import { hkdfSync } from 'node:crypto';
import { closeSync, copyFileSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../domain/index.js';
import type { SealKey } from '../platform/keychain/index.js';

export type { Db };

export const BUSY_TIMEOUT_MS = 10_000;

export interface OpenDatabaseOptions {
  readonly?: boolean;
  /**
   * Keys the file may be encrypted with, tried in order (during a key rotation it is one or the
   * other). None: a plain database (data from before encryption, or a scratch database).
   */
  keys?: readonly SealKey[];
  /** Also try the file unkeyed after the keys (a folder whose encryption is under way). */
  plain?: boolean;
}

/** The page key SQLite gets: derived, so the data key itself never reaches the engine. */
function sqliteKey(key: SealKey): string {
  const derived = Buffer.from(hkdfSync('sha256', key.bytes, '', 'sohoa/sqlite/v1', 32));
  // x'…' hands SQLite3MC a raw 256-bit key: no passphrase KDF (the key is already random).
  return `"x'${derived.toString('hex')}'"`;
}

function open(file: string, readonly: boolean): Db {
  try {
    return new Database(file, { readonly, fileMustExist: readonly }) as unknown as Db;
  } catch (error) {
    throw new AppError(
      'IO',
      { vi: `Không mở được cơ sở dữ liệu ${file}`, en: `Cannot open the database ${file}` },
      { details: { file }, cause: error },
    );
  }
}

function isNotADatabase(error: unknown): boolean {
  return (error as { code?: string }).code === 'SQLITE_NOTADB';
}

/** Opens `file` with the first of `keys` that decrypts it; the id of that key, if any. */
function openKeyed(
  file: string,
  readonly: boolean,
  keys: readonly SealKey[],
  plain: boolean,
): { db: Db; keyId?: string } {
  if (keys.length === 0) return { db: open(file, readonly) };
  const attempts: Array<SealKey | undefined> = plain ? [...keys, undefined] : [...keys];
  for (const key of attempts) {
    const db = open(file, readonly);
    try {
      if (key) db.pragma(`key = ${sqliteKey(key)}`);
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      return key ? { db, keyId: key.id } : { db };
    } catch (error) {
      db.close();
      if (!isNotADatabase(error)) throw error;
    }
  }
  throw new AppError(
    'KEY_WRONG',
    {
      vi: `Khóa dữ liệu không mở được cơ sở dữ liệu ${file} (khóa sai, hoặc tệp hỏng)`,
      en: `The data key does not open the database ${file} (wrong key, or a damaged file)`,
    },
    { details: { file, keyIds: keys.map((k) => k.id) } },
  );
}

function configure(db: Db, readonly: boolean): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (!readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  return openKeyedDatabase(file, options).db;
}

/** Like openDatabase, and says which key opened the file (key rotation needs to know). */
export function openKeyedDatabase(
  file: string,
  options: OpenDatabaseOptions = {},
): { db: Db; keyId?: string } {
  const readonly = options.readonly ?? false;
  const opened = openKeyed(file, readonly, options.keys ?? [], options.plain ?? false);
  configure(opened.db, readonly);
  return opened;
}

function fsyncPath(path: string): void {
  if (process.platform === 'win32') return; // folders cannot be fsynced there; NTFS journals renames
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function busy(file: string, cause: unknown): AppError {
  return new AppError(
    'BUSY',
    {
      vi: 'Cơ sở dữ liệu đang được chương trình khác mở (ứng dụng SoHoa, sohoa serve…). Đóng chúng rồi chạy lại',
      en: 'The database is open in another program (the SoHoa app, sohoa serve…). Close them and run again',
    },
    { details: { file }, cause },
  );
}

/**
 * Re-encrypts the database file with `to`, as a whole: a copy is rekeyed, fsynced and renamed
 * over the original, so at every instant the file on disk is entirely the old key's or entirely
 * the new one's — a kill at any point leaves a database one of the two keys opens. (Rekeying in
 * place relies on the rollback journal being replayed with the right key after a crash; a copy
 * does not.) The copy is taken under an exclusive lock, which also turns "the app is still
 * running" into a clear error instead of lost writes.
 *
 * @returns false when the file already is `to`'s
 */
export function rekeyDatabaseFile(
  file: string,
  from: Pick<OpenDatabaseOptions, 'keys' | 'plain'>,
  to: SealKey,
): boolean {
  const copy = `${file}.rekey`;
  rmSync(copy, { force: true });
  const keys = [to, ...(from.keys ?? [])];
  const { db, keyId } = openKeyed(file, false, keys, from.plain ?? false);
  if (keyId === to.id) {
    db.close();
    return false;
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
      const mode = db.pragma('journal_mode = DELETE', { simple: true });
      if (mode !== 'delete') throw new Error(`journal mode stayed ${String(mode)}`);
      db.exec('BEGIN EXCLUSIVE');
    } catch (error) {
      throw busy(file, error);
    }
    copyFileSync(file, copy);
    db.exec('ROLLBACK');
  } finally {
    db.close();
  }
  const source = keys.find((k) => k.id === keyId);
  const rekeyed = open(copy, false);
  try {
    if (source) rekeyed.pragma(`key = ${sqliteKey(source)}`);
    rekeyed.pragma('journal_mode = DELETE');
    rekeyed.pragma(`rekey = ${sqliteKey(to)}`);
  } finally {
    rekeyed.close();
  }
  const fd = openSync(copy, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(copy, file);
  fsyncPath(dirname(file));
  return true;
}
