/**
 * Who may call what. Everything needs a signed-in, unlocked clerk except the few methods that
 * sign in or report the state; account and retention management, and the gateway client secret,
 * need the administrator role.
 * A prefix table rather than a flag per method: the other capabilities' contracts need not know
 * about identity, and a new method is protected by default. The `security` settings are not
 * here: they are machine-only, so `config.set` refuses them whoever asks (platform/config).
 */
export type Access =
  /** Before sign-in (state, sign-in, first administrator) or after the session ended (sign-out). */
  | 'public'
  /** A signed-in session, locked or not (unlock, lock). */
  | 'session'
  /** A signed-in, unlocked clerk (the default). */
  | 'clerk'
  /** A signed-in, unlocked administrator. */
  | 'admin';

const EXACT: Record<string, Access> = {
  'auth.status': 'public',
  'auth.signIn': 'public',
  'auth.setupAdmin': 'public',
  'auth.unlock': 'session',
  'auth.lock': 'session',
  'auth.signOut': 'public',
  // The station's gateway credentials are an administrator's to set.
  'sync.setClientSecret': 'admin',
};

const ADMIN_PREFIXES = ['accounts.', 'retention.'];

export function accessFor(method: string): Access {
  return EXACT[method] ?? (ADMIN_PREFIXES.some((p) => method.startsWith(p)) ? 'admin' : 'clerk');
}
