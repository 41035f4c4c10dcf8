/**
 * The data keys of a store's folder, from this process's keychain. A folder without a database
 * yet is new and gets its key now, so every store is encrypted from its first byte; a folder
 * whose database predates encryption keeps opening as it is until `sohoa key encrypt`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../domain/index.js';
import { loadConfig } from '../../platform/config/index.js';
import { DataKeys, processKeychain, type Keychain } from '../../platform/keychain/index.js';

export const DATABASE_FILE = 'sohoa.db';

/** IT's recovery public key (PEM) from `encryption.recoveryPublicKeyFile`, if set. */
export function recoveryPublicKey(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const file = loadConfig({ dataDir, env }).config.encryption.recoveryPublicKeyFile;
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError(
      'NOT_CONFIGURED',
      {
        vi: `Không đọc được khóa công khai khôi phục ${file} (encryption.recoveryPublicKeyFile)`,
        en: `Cannot read the recovery public key ${file} (encryption.recoveryPublicKeyFile)`,
      },
      { details: { file }, cause: error },
    );
  }
}

export interface OpenKeysOptions {
  /** Default: the process keychain (the app installs the OS one). */
  keychain?: Keychain;
  env?: NodeJS.ProcessEnv;
}

export function openDataKeys(dataDir: string, options: OpenKeysOptions = {}): DataKeys {
  const env = options.env ?? process.env;
  const isNew = !existsSync(join(dataDir, DATABASE_FILE));
  return DataKeys.open(dataDir, {
    keychain: options.keychain ?? processKeychain(env),
    isNew,
    // Read only when a key is made: a broken recovery setting must not stop a station working.
    recoveryPublicKey: () => recoveryPublicKey(dataDir, env),
  });
}
