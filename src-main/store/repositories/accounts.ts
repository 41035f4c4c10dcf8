/**
 * Local clerk accounts and their sessions (migration 610). Single statements, meant to run
 * inside the caller's transaction; the rules (lockout, last administrator, expiry) live in
 * core/identity.
 */
import type { Account, Role } from '../../domain/index.js';
import { AppError } from '../../domain/index.js';
import type { Db } from '../connection.js';
import { prepared } from '../statements.js';

interface AccountRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
}

/** An account with what only the identity service may see. */
export interface StoredAccount extends Account {
  id: number;
  passwordHash: string;
}

export interface StoredSession {
  accountId: number;
  createdAt: string;
  expiresAt: string;
  locked: boolean;
}

function toAccount(r: AccountRow): StoredAccount {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    passwordHash: r.password_hash,
    disabled: r.disabled === 1,
    failedAttempts: r.failed_attempts,
    createdAt: r.created_at,
    ...(r.locked_until !== null ? { lockedUntil: r.locked_until } : {}),
    ...(r.last_sign_in_at !== null ? { lastSignInAt: r.last_sign_in_at } : {}),
  };
}

export class AccountRepository {
  constructor(private readonly db: Db) {}

  count(): number {
    return (prepared(this.db, 'SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
  }

  /** Administrators who can still sign in (not disabled). */
  activeAdmins(): number {
    return (
      prepared(
        this.db,
        "SELECT count(*) AS n FROM accounts WHERE role = 'admin' AND disabled = 0",
      ).get() as { n: number }
    ).n;
  }

  insert(
    a: { username: string; displayName: string; role: Role; passwordHash: string },
    now: string,
  ): StoredAccount {
    if (this.get(a.username)) {
      throw new AppError(
        'ACCOUNT_CONFLICT',
        {
          vi: `Tên đăng nhập "${a.username}" đã có`,
          en: `The user name "${a.username}" is already taken`,
        },
        { details: { username: a.username } },
      );
    }
    prepared(
      this.db,
      `INSERT INTO accounts (username, display_name, role, password_hash, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(a.username, a.displayName, a.role, a.passwordHash, now, now);
    return this.require(a.username);
  }

  get(username: string): StoredAccount | undefined {
    const row = prepared(this.db, 'SELECT * FROM accounts WHERE username = ?').get(username) as
      AccountRow | undefined;
    return row ? toAccount(row) : undefined;
  }

  byId(id: number): StoredAccount | undefined {
    const row = prepared(this.db, 'SELECT * FROM accounts WHERE id = ?').get(id) as
      AccountRow | undefined;
    return row ? toAccount(row) : undefined;
  }

  require(username: string): StoredAccount {
    const account = this.get(username);
    if (!account) {
      throw new AppError(
        'ACCOUNT_NOT_FOUND',
        {
          vi: `Không có tài khoản "${username}"`,
          en: `There is no account "${username}"`,
        },
        { details: { username } },
      );
    }
    return account;
  }

  list(): StoredAccount[] {
    return (
      prepared(this.db, 'SELECT * FROM accounts ORDER BY username').all() as AccountRow[]
    ).map(toAccount);
  }

  update(
    id: number,
    change: Partial<{
      displayName: string;
      role: Role;
      passwordHash: string;
      disabled: boolean;
      failedAttempts: number;
      lockedUntil: string | null;
      lastSignInAt: string;
    }>,
    now: string,
  ): void {
    const columns: Record<string, unknown> = {
      display_name: change.displayName,
      role: change.role,
      password_hash: change.passwordHash,
      disabled: change.disabled === undefined ? undefined : change.disabled ? 1 : 0,
      failed_attempts: change.failedAttempts,
      locked_until: change.lockedUntil,
      last_sign_in_at: change.lastSignInAt,
    };
    const set = Object.entries(columns).filter(([, v]) => v !== undefined);
    const sql = `UPDATE accounts SET ${set.map(([c]) => `${c} = ?`).join(', ')}${set.length ? ', ' : ''}updated_at = ? WHERE id = ?`;
    prepared(this.db, sql).run(...set.map(([, v]) => v), now, id);
  }

  addSession(tokenSha256: string, accountId: number, createdAt: string, expiresAt: string): void {
    prepared(
      this.db,
      'INSERT INTO auth_sessions (token_sha256, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
    ).run(tokenSha256, accountId, createdAt, expiresAt);
  }

  session(tokenSha256: string): StoredSession | undefined {
    const row = prepared(
      this.db,
      'SELECT account_id, created_at, expires_at, locked FROM auth_sessions WHERE token_sha256 = ?',
    ).get(tokenSha256) as
      { account_id: number; created_at: string; expires_at: string; locked: number } | undefined;
    return row
      ? {
          accountId: row.account_id,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
          locked: row.locked === 1,
        }
      : undefined;
  }

  setSessionLocked(tokenSha256: string, locked: boolean): void {
    prepared(this.db, 'UPDATE auth_sessions SET locked = ? WHERE token_sha256 = ?').run(
      locked ? 1 : 0,
      tokenSha256,
    );
  }

  endSession(tokenSha256: string): void {
    prepared(this.db, 'DELETE FROM auth_sessions WHERE token_sha256 = ?').run(tokenSha256);
  }

  /** Ends every session of an account (disabled, password reset, role changed). */
  endSessionsOf(accountId: number): void {
    prepared(this.db, 'DELETE FROM auth_sessions WHERE account_id = ?').run(accountId);
  }

  /** Forgets sessions that expired before `cutoff` (recent ones stay, to say "expired"). */
  forgetSessionsExpiredBefore(cutoff: string): void {
    prepared(this.db, 'DELETE FROM auth_sessions WHERE expires_at < ?').run(cutoff);
  }
}
