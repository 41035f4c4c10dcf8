/**
 * The reference gateway's own SQLite file (not the workstation store): tokens, finished
 * uploads, dossiers with every revision, issued dossier codes and the catalog. One process
 * owns it; every write is a single statement or a transaction, so a killed gateway restarts
 * consistent.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tokens (
  token TEXT PRIMARY KEY,
  client_id TEXT NOT NULL,
  ma_don_vi TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS files (
  id TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  filename TEXT NOT NULL,
  mime TEXT NOT NULL,
  finished_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS dossiers (
  ma_ho_so TEXT PRIMARY KEY,
  revision INTEGER NOT NULL,
  body_hash TEXT NOT NULL,
  body TEXT NOT NULL,
  status INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS dossier_revisions (
  ma_ho_so TEXT NOT NULL,
  revision INTEGER NOT NULL,
  body_hash TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (ma_ho_so, revision)
);
CREATE TABLE IF NOT EXISTS code_counters (
  ma_don_vi TEXT NOT NULL,
  ngay TEXT NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (ma_don_vi, ngay)
);
CREATE TABLE IF NOT EXISTS issued_codes (
  ma_ho_so TEXT PRIMARY KEY,
  client_id TEXT NOT NULL,
  issued_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS agencies (
  ma_dinh_danh TEXT PRIMARY KEY,
  body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS procedures (
  ma_tthc TEXT PRIMARY KEY,
  body TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`;

export type GatewayDb = Database.Database;

export function openGatewayDb(file: string): GatewayDb {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
}
