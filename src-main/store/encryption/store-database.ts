/**
 * The database of a data folder opened on its own, with the folder's keys: for tools and tests
 * that read or repair rows below the Store (a plain SQLite open sees only ciphertext).
 */
import { join } from 'node:path';
import { openDatabase, type Db } from '../connection.js';
import { DataKeys, processKeychain } from '../../platform/keychain/index.js';
import { DATABASE_FILE } from './open-keys.js';
import type { OpenKeysOptions } from './open-keys.js';

export function openStoreDatabase(
  dataDir: string,
  options: OpenKeysOptions & { readonly?: boolean } = {},
): Db {
  // Never makes a key: a folder without a store yet has nothing to read.
  const keys = DataKeys.open(dataDir, {
    keychain: options.keychain ?? processKeychain(options.env),
    isNew: false,
  });
  return openDatabase(join(dataDir, DATABASE_FILE), {
    keys: keys.databaseKeys(),
    readonly: options.readonly ?? false,
  });
}
