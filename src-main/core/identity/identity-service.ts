/**
 * Clerk identity for one data directory. In `os` mode the clerk is the operating-system account
 * and nothing is stored. In `local` mode clerks sign in with SoHoa accounts: a session is a
 * random token the caller keeps (HttpOnly cookie, or the Electron channel) and the database keeps
 * only its SHA-256, with an absolute expiry and a lock flag; wrong passwords in a row lock the
 * account for a while. Every sign-in, lock, unlock and account change is in the audit chain.
 */
import { createHash, randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import type { Account, AuthStatus, Clerk, Role } from '../../domain/index.js';
import { AppError, PASSWORD_MIN_LENGTH } from '../../domain/index.js';
import type { AppConfig } from '../../platform/index.js';
import type { Store, StoredAccount } from '../../store/index.js';
import type { Access } from './access.js';
import {
  accountDisabled,
  accountLocked,
  adminOnly,
  localModeOnly,
  sessionExpired,
  sessionLocked,
  signInFailed,
  signInRequired,
} from './errors.js';
import { hashPassword, verifyNothing, verifyPassword } from './password.js';

type SecurityConfig = AppConfig['security'];

export interface IdentityDeps {
  security: () => SecurityConfig;
  store: () => Promise<Store>;
  now?: () => Date;
  /** The OS account name (tests); default: the account running the process. */
  osUser?: () => string;
}

/** A new session: the token for the caller to keep, and what it grants. */
export interface SessionGrant {
  token: string;
  status: AuthStatus;
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

const DAY_MS = 86_400_000;

const tokenDigest = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');

function publicAccount(a: StoredAccount): Account {
  const { id: _id, passwordHash: _hash, ...rest } = a;
  return rest;
}

const clerkOf = (a: StoredAccount): Clerk => ({
  username: a.username,
  displayName: a.displayName,
  role: a.role,
  source: 'local',
});

export class IdentityService {
  readonly #deps: IdentityDeps;
  readonly #now: () => Date;

  constructor(deps: IdentityDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? (() => new Date());
  }

  get mode(): SecurityConfig['identity'] {
    return this.#deps.security().identity;
  }

  osClerk(): Clerk {
    const username = this.#deps.osUser?.() ?? userInfo().username;
    const role: Role = this.#deps.security().osAdmins.includes(username) ? 'admin' : 'clerk';
    return { username, displayName: username, role, source: 'os' };
  }

  private stamp(offsetMs = 0): string {
    return new Date(this.#now().getTime() + offsetMs).toISOString();
  }

  private osStatus(): AuthStatus {
    return {
      mode: 'os',
      clerk: this.osClerk(),
      locked: false,
      expiresAt: null,
      firstRun: false,
      idleLockSeconds: this.#deps.security().idleLockSeconds,
      passwordMinLength: PASSWORD_MIN_LENGTH,
    };
  }

  /** The caller's state; never throws for a missing, expired or ended session. */
  async status(token: string | undefined): Promise<AuthStatus> {
    if (this.mode === 'os') return this.osStatus();
    const store = await this.#deps.store();
    const base: AuthStatus = {
      mode: 'local',
      clerk: null,
      locked: false,
      expiresAt: null,
      firstRun: store.accounts.count() === 0,
      idleLockSeconds: this.#deps.security().idleLockSeconds,
      passwordMinLength: PASSWORD_MIN_LENGTH,
    };
    const session = token === undefined ? undefined : store.accounts.session(tokenDigest(token));
    if (!session || session.expiresAt <= this.stamp()) return base;
    const account = store.accounts.byId(session.accountId);
    if (!account || account.disabled) return base;
    return {
      ...base,
      clerk: clerkOf(account),
      locked: session.locked,
      expiresAt: session.expiresAt,
    };
  }

  /**
   * The clerk a call runs as, or the refusal: sign-in required, session expired or locked,
   * account disabled, or administrator role required. Public methods run as nobody in `local`
   * mode (null).
   */
  async authorize(
    method: string,
    access: Access,
    token: string | undefined,
  ): Promise<Clerk | null> {
    if (this.mode === 'os') {
      const clerk = this.osClerk();
      if (access === 'admin' && clerk.role !== 'admin') throw adminOnly(method);
      return clerk;
    }
    if (access === 'public') return null;
    if (token === undefined) throw signInRequired();
    const store = await this.#deps.store();
    const session = store.accounts.session(tokenDigest(token));
    if (!session) throw signInRequired();
    if (session.expiresAt <= this.stamp()) throw sessionExpired(session.expiresAt);
    const account = store.accounts.byId(session.accountId);
    if (!account) throw signInRequired();
    if (account.disabled) throw accountDisabled(account.username);
    if (session.locked && access !== 'session') throw sessionLocked();
    if (access === 'admin' && account.role !== 'admin') throw adminOnly(method);
    return clerkOf(account);
  }

  private requireLocal(): void {
    if (this.mode !== 'local') throw localModeOnly();
  }

  /**
   * Checks a password against an account, counting failures: the `maxFailedAttempts`-th wrong
   * password in a row locks the account for `lockoutMinutes`.
   */
  private async checkPassword(
    store: Store,
    account: StoredAccount,
    password: string,
    actor: string,
  ): Promise<void> {
    const now = this.stamp();
    if (account.lockedUntil !== undefined && account.lockedUntil > now)
      throw accountLocked(account.username, account.lockedUntil);
    if (await verifyPassword(account.passwordHash, password)) return;
    const { maxFailedAttempts, lockoutMinutes } = this.#deps.security();
    const locked = store.transaction(() => {
      // Re-read inside the write lock: two wrong passwords at once both count.
      const current = store.accounts.require(account.username);
      const failed = current.failedAttempts + 1;
      const lockedUntil = failed >= maxFailedAttempts ? this.stamp(lockoutMinutes * 60_000) : null;
      store.accounts.update(
        current.id,
        lockedUntil ? { failedAttempts: 0, lockedUntil } : { failedAttempts: failed },
        now,
      );
      store.audit.append(
        {
          actor,
          action: lockedUntil ? 'account.lockedOut' : 'auth.signInFailed',
          details: { username: current.username, failedAttempts: failed },
        },
        now,
      );
      return lockedUntil;
    });
    throw locked ? accountLocked(account.username, locked) : signInFailed();
  }

  private openSession(store: Store, account: StoredAccount, actor: string): string {
    const token = randomBytes(32).toString('base64url');
    const now = this.stamp();
    const expiresAt = this.stamp(this.#deps.security().sessionMinutes * 60_000);
    store.transaction(() => {
      store.accounts.update(
        account.id,
        { failedAttempts: 0, lockedUntil: null, lastSignInAt: now },
        now,
      );
      store.accounts.forgetSessionsExpiredBefore(this.stamp(-DAY_MS));
      store.accounts.addSession(tokenDigest(token), account.id, now, expiresAt);
      store.audit.append(
        { actor, action: 'auth.signIn', details: { username: account.username, expiresAt } },
        now,
      );
    });
    return token;
  }

  /**
   * Signs a clerk in (`local` mode), ending the caller's previous session if it had one (a
   * clerk taking over the counter). The audit actor is the transport and the user name tried.
   */
  async signIn(
    username: string,
    password: string,
    transport: string,
    previousToken?: string,
  ): Promise<SessionGrant> {
    this.requireLocal();
    const store = await this.#deps.store();
    const actor = `${transport}:${username}`;
    const account = store.accounts.get(username);
    if (!account) {
      await verifyNothing(password);
      store.record({ actor, action: 'auth.signInFailed', details: { username, known: false } });
      throw signInFailed();
    }
    await this.checkPassword(store, account, password, actor);
    if (account.disabled) throw accountDisabled(account.username);
    if (previousToken !== undefined) store.accounts.endSession(tokenDigest(previousToken));
    const token = this.openSession(store, account, actor);
    return { token, status: await this.status(token) };
  }

  /** First run of `local` mode: creates the first administrator and signs them in. */
  async setupFirstAdmin(input: Omit<NewAccount, 'role'>, transport: string): Promise<SessionGrant> {
    this.requireLocal();
    const store = await this.#deps.store();
    const passwordHash = await hashPassword(input.password);
    const actor = `${transport}:${input.username}`;
    const account = store.transaction(() => {
      if (store.accounts.count() > 0) {
        throw new AppError('SETUP_CONFLICT', {
          vi: 'Trạm đã có tài khoản quản trị; hãy đăng nhập',
          en: 'The station already has an administrator; sign in instead',
        });
      }
      const created = store.accounts.insert(
        { username: input.username, displayName: input.displayName, role: 'admin', passwordHash },
        this.stamp(),
      );
      store.audit.append(
        {
          actor,
          action: 'account.add',
          details: { username: created.username, role: 'admin', firstRun: true },
        },
        this.stamp(),
      );
      return created;
    });
    const token = this.openSession(store, account, actor);
    return { token, status: await this.status(token) };
  }

  async lock(token: string | undefined, actor: string): Promise<AuthStatus> {
    if (this.mode === 'os' || token === undefined) return this.status(token);
    const store = await this.#deps.store();
    store.transaction(() => {
      store.accounts.setSessionLocked(tokenDigest(token), true);
      store.audit.append({ actor, action: 'auth.lock' }, this.stamp());
    });
    return this.status(token);
  }

  /** Unlocks the caller's session with the signed-in clerk's own password. */
  async unlock(token: string | undefined, password: string, actor: string): Promise<AuthStatus> {
    if (this.mode === 'os') return this.osStatus();
    const clerk = await this.authorize('auth.unlock', 'session', token);
    const store = await this.#deps.store();
    const account = store.accounts.require((clerk as Clerk).username);
    await this.checkPassword(store, account, password, actor);
    store.transaction(() => {
      store.accounts.setSessionLocked(tokenDigest(token as string), false);
      store.accounts.update(account.id, { failedAttempts: 0 }, this.stamp());
      store.audit.append({ actor, action: 'auth.unlock' }, this.stamp());
    });
    return this.status(token);
  }

  /**
   * Ends the caller's session, whatever its state (an expired or locked session can always be
   * signed out); the audit names the session's clerk.
   */
  async signOut(token: string | undefined, transport: string): Promise<AuthStatus> {
    if (this.mode === 'os' || token === undefined) return this.status(undefined);
    const store = await this.#deps.store();
    store.transaction(() => {
      const session = store.accounts.session(tokenDigest(token));
      if (!session) return;
      const account = store.accounts.byId(session.accountId);
      store.accounts.endSession(tokenDigest(token));
      store.audit.append(
        { actor: `${transport}:${account?.username ?? '-'}`, action: 'auth.signOut' },
        this.stamp(),
      );
    });
    return this.status(undefined);
  }

  // --- account management (administrators; the CLI as the data directory's owner) ---

  async listAccounts(): Promise<Account[]> {
    return (await this.#deps.store()).accounts.list().map(publicAccount);
  }

  async addAccount(input: NewAccount, actor: string): Promise<Account> {
    const store = await this.#deps.store();
    const passwordHash = await hashPassword(input.password);
    return store.transaction(() => {
      const created = store.accounts.insert({ ...input, passwordHash }, this.stamp());
      store.audit.append(
        {
          actor,
          action: 'account.add',
          details: { username: created.username, role: created.role },
        },
        this.stamp(),
      );
      return publicAccount(created);
    });
  }

  /**
   * Applies an administrator's change to an account, refusing one that would leave the station
   * without an active administrator.
   */
  private async change(
    username: string,
    actor: string,
    action: string,
    change: Parameters<Store['accounts']['update']>[1],
    endSessions: boolean,
  ): Promise<Account> {
    const store = await this.#deps.store();
    return store.transaction(() => {
      const account = store.accounts.require(username);
      const removesAdmin =
        account.role === 'admin' &&
        !account.disabled &&
        (change.disabled === true || (change.role !== undefined && change.role !== 'admin'));
      if (removesAdmin && store.accounts.activeAdmins() <= 1) {
        throw new AppError(
          'ACCOUNT_CONFLICT',
          {
            vi: `"${username}" là quản trị viên cuối cùng còn hoạt động; hãy tạo quản trị viên khác trước`,
            en: `"${username}" is the last active administrator; add another administrator first`,
          },
          { details: { username } },
        );
      }
      store.accounts.update(account.id, change, this.stamp());
      if (endSessions) store.accounts.endSessionsOf(account.id);
      const { passwordHash: _secret, ...visible } = change;
      store.audit.append({ actor, action, details: { username, ...visible } }, this.stamp());
      return publicAccount(store.accounts.require(username));
    });
  }

  setDisabled(username: string, disabled: boolean, actor: string): Promise<Account> {
    return this.change(
      username,
      actor,
      disabled ? 'account.disable' : 'account.enable',
      { disabled },
      disabled,
    );
  }

  /** Lifts a lockout after wrong passwords. */
  unlockAccount(username: string, actor: string): Promise<Account> {
    return this.change(
      username,
      actor,
      'account.unlock',
      { failedAttempts: 0, lockedUntil: null },
      false,
    );
  }

  async resetPassword(username: string, password: string, actor: string): Promise<Account> {
    const passwordHash = await hashPassword(password);
    return this.change(
      username,
      actor,
      'account.resetPassword',
      { passwordHash, failedAttempts: 0, lockedUntil: null },
      true,
    );
  }

  setRole(username: string, role: Role, actor: string): Promise<Account> {
    return this.change(username, actor, 'account.role', { role }, false);
  }
}
