import type { Migration } from '../migration.js';

/**
 * Clerk accounts (local identity mode) and their sessions. Passwords are argon2id PHC strings;
 * a session is stored by the SHA-256 of its token, so the database never holds a usable token.
 */
export const migration: Migration = {
  up: `
CREATE TABLE accounts (
  id              INTEGER PRIMARY KEY,
  username        TEXT NOT NULL UNIQUE,
  display_name    TEXT NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('admin', 'clerk')),
  password_hash   TEXT NOT NULL,
  disabled        INTEGER NOT NULL DEFAULT 0,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until    TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  last_sign_in_at TEXT
);

CREATE TABLE auth_sessions (
  token_sha256 TEXT PRIMARY KEY CHECK (length(token_sha256) = 64),
  account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at   TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  locked       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX auth_sessions_account ON auth_sessions (account_id);
`,
};
