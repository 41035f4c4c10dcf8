/**
 * The desktop app's keychain: secrets sealed by Electron `safeStorage` (DPAPI on Windows,
 * libsecret/kwallet on Linux, Keychain on macOS) and kept as files in the app's user folder.
 * This stays a thin typed adapter: the Electron main passes its `safeStorage`, everything else
 * is the file keychain, tested on its own.
 */
import { AppError } from '../../domain/index.js';
import { FileKeychain, type Sealer } from './file-keychain.js';
import type { Keychain } from './keychain.js';

/** The part of Electron's `safeStorage` this needs (structural, so platform never imports Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export function safeStorageSealer(safeStorage: SafeStorageLike): Sealer {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new AppError('KEYCHAIN_UNAVAILABLE', {
      vi: 'Kho khóa của hệ điều hành không dùng được (trên Linux cần gnome-keyring hoặc kwallet). Báo bộ phận CNTT.',
      en: "The operating system's keychain is unavailable (on Linux it needs gnome-keyring or kwallet). Contact IT.",
    });
  }
  return {
    // safeStorage seals strings; base64 carries the binary key through it unchanged.
    seal: (secret) => safeStorage.encryptString(secret.toString('base64')),
    open: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}

export function safeStorageKeychain(safeStorage: SafeStorageLike, dir: string): Keychain {
  return new FileKeychain(dir, { sealer: safeStorageSealer(safeStorage) });
}
