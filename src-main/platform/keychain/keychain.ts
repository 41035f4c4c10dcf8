/**
 * A keychain holds the station's secrets (the data key of each data folder, the gateway client
 * secret) outside the data folder, so a copied or stolen data folder alone opens nothing. The
 * desktop app backs it with the OS keychain (Electron safeStorage); the CLI and browser mode with
 * owner-only files in the user's config folder.
 */
import { AppError } from '../../domain/index.js';

export interface Keychain {
  /** Where the secrets live, for messages and for the "never next to the data" check. */
  readonly location: string;
  get(name: string): Buffer | undefined;
  /** Stores durably: once it returns, the secret survives a crash. */
  set(name: string, secret: Uint8Array): void;
  delete(name: string): void;
}

const SECRET_NAME = /^[a-z0-9][a-z0-9.-]{0,119}$/;

/** Names become file names: a fixed alphabet keeps them from escaping the keychain folder. */
export function assertSecretName(name: string): void {
  if (!SECRET_NAME.test(name)) {
    throw new AppError(
      'VALIDATION',
      {
        vi: `Tên khóa bí mật "${name}" không hợp lệ (chữ thường, số, dấu chấm, gạch ngang)`,
        en: `Invalid secret name "${name}" (lowercase letters, digits, dots and dashes)`,
      },
      { details: { name } },
    );
  }
}
