/**
 * The keychain of this process. Every store open (CLI commands, services, the scanner's landing)
 * asks here, so the Electron main installs the safeStorage keychain once at start and nothing
 * between it and the store has to carry it; elsewhere the owner-only file keychain is used.
 */
import { FileKeychain } from './file-keychain.js';
import type { Keychain } from './keychain.js';
import { defaultKeyDir } from './location.js';

let installed: Keychain | undefined;

export function installKeychain(keychain: Keychain): void {
  installed = keychain;
}

export function processKeychain(env: NodeJS.ProcessEnv = process.env): Keychain {
  return installed ?? new FileKeychain(defaultKeyDir(env));
}
