/**
 * The desktop app's keychain: secrets sealed by the OS (Electron safeStorage) in the app's user
 * folder, never in the data folder. Installed before anything opens a store, so every data key
 * and the gateway secret of this app go through it.
 */
import { join } from 'node:path';
import { app, safeStorage } from 'electron';
import { installKeychain, safeStorageKeychain, type Keychain } from '../platform/index.js';

export function installOsKeychain(): Keychain {
  const keychain = safeStorageKeychain(safeStorage, join(app.getPath('userData'), 'keys'));
  installKeychain(keychain);
  return keychain;
}
