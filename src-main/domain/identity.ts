/**
 * Who is at the counter: a clerk signed in with a local account, or the OS account when IT
 * prefers the operating system's sign-in. Two roles: administrators manage accounts and
 * retention; clerks do the counter work.
 */
import { z } from 'zod';

export type Role = 'admin' | 'clerk';
export const ROLES: readonly Role[] = ['admin', 'clerk'];

/** `local`: SoHoa's own accounts (argon2 passwords); `os`: the operating-system account. */
export type IdentityMode = 'local' | 'os';

export interface Clerk {
  username: string;
  displayName: string;
  role: Role;
  source: IdentityMode;
}

/** Lowercase login names: letters, digits, dot, dash, underscore (typed at a counter). */
export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'a-z, 0-9, . _ - (2–32 characters)');

export const DisplayNameSchema = z.string().trim().min(1).max(100);

/** At least 10 characters: long rather than complicated (NIST SP 800-63B). */
export const PASSWORD_MIN_LENGTH = 10;
export const PasswordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(256);

export const RoleSchema = z.enum(['admin', 'clerk']);

/** The audit actor of a call: the transport and the clerk (`browser:lan`, `electron:hoa`). */
export function auditActor(transport: string, clerk: Pick<Clerk, 'username'>): string {
  return `${transport}:${clerk.username}`;
}

/** A local account as administrators see it (never its password hash). */
export interface Account {
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  /** Set while wrong passwords keep the account locked (ISO 8601). */
  lockedUntil?: string;
  failedAttempts: number;
  createdAt: string;
  lastSignInAt?: string;
}

/** What the sign-in and lock screens need to know about the station and the caller. */
export interface AuthStatus {
  mode: IdentityMode;
  /** The signed-in clerk (in `os` mode, always the OS account). */
  clerk: Clerk | null;
  /** The session is locked: only unlock or sign-out are accepted. */
  locked: boolean;
  /** When the session ends (ISO 8601); null in `os` mode or when signed out. */
  expiresAt: string | null;
  /** `local` mode with no account yet: the first administrator must be created. */
  firstRun: boolean;
  /** Seconds without input before the screen locks (0: never). */
  idleLockSeconds: number;
  /** For the first-run form's own check (the core checks again). */
  passwordMinLength: number;
}
