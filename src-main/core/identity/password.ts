/**
 * Password hashing: argon2id through @node-rs/argon2, whose prebuilt Node-API binaries come as
 * npm optional packages (no node-gyp, nothing downloaded at install, the same binary loads in
 * Electron) and hash on libuv's thread pool, so a sign-in never blocks the main loop.
 * hash-wasm would avoid the native binary but runs on the main thread and several times slower
 * at the same cost parameters; `argon2` needs a compiler at install.
 */
import { hash, verify } from '@node-rs/argon2';

/** argon2id (the package's default) at OWASP's baseline: 19 MiB, 2 passes, 1 lane. */
const COST = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), COST);
}

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password.normalize('NFC'));
  } catch {
    // A damaged hash verifies nothing; the account stays usable after a password reset.
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * Spends the same time as a real check for a user name that does not exist, so timing does not
 * tell an attacker which names are accounts.
 */
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword('sohoa-no-such-account');
  await verifyPassword(await dummy, password);
  return false;
}
