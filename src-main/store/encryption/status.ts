/**
 * What IT staff need to know about a folder's encryption: is it encrypted, with which key, is
 * the key on this PC, is a change under way, is there an escrowed copy to recover from.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RECOVERY_DIR, dataKeyName } from '../../platform/keychain/index.js';
import { openDataKeys } from './open-keys.js';
import type { OpenKeysOptions } from './open-keys.js';

export interface EncryptionStatus {
  dataDir: string;
  /** plain: a folder from before encryption (`sohoa key encrypt`); changing: rotation under way */
  state: 'encrypted' | 'plain' | 'changing';
  keyId: string | null;
  pendingKeyId: string | null;
  keychain: string;
  /** Whether this PC's keychain holds every key the folder needs. */
  keyPresent: boolean;
  /** Whether each needed key has an escrowed copy under recovery/. */
  escrowed: boolean;
}

export function encryptionStatus(dataDir: string, options: OpenKeysOptions = {}): EncryptionStatus {
  const keys = openDataKeys(dataDir, options);
  const ids = [keys.currentId, keys.pendingId].filter((id): id is string => typeof id === 'string');
  return {
    dataDir,
    state: keys.pendingId ? 'changing' : keys.encrypted ? 'encrypted' : 'plain',
    keyId: keys.currentId,
    pendingKeyId: keys.pendingId ?? null,
    keychain: keys.keychain.location,
    keyPresent: ids.every((id) => keys.keychain.get(dataKeyName(id)) !== undefined),
    escrowed:
      ids.length > 0 && ids.every((id) => existsSync(join(dataDir, RECOVERY_DIR, `${id}.json`))),
  };
}
