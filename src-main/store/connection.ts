/**
 * Opening the SQLite database. WAL lets readers run while the one writer commits;
 * synchronous=FULL makes a commit durable once it returns (a scanned page must survive a power
 * cut the moment it is reported stored); a busy timeout lets a second process (the CLI next to
 * the app) wait for the writer instead of failing.
 */
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../domain/index.js';

export type { Db };

export const BUSY_TIMEOUT_MS = 10_000;

export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  let db: Db;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    });
  } catch (error) {
    throw new AppError(
      'IO',
      { vi: `Không mở được cơ sở dữ liệu ${file}`, en: `Cannot open the database ${file}` },
      { details: { file }, cause: error },
    );
  }
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  return db;
}
