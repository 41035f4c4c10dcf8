/**
 * The signer a command names on its command line: a PKCS#12 file and its password, or a PKCS#11
 * token library, slot and PIN. The password or PIN is read through the CLI's one secret reader
 * (a named environment variable, else a prompt that does not echo), never from an argument.
 */
import { z } from 'zod';
import { openP12SignerFile, openPkcs11Signer } from '../pdf/index.js';
import type { Signer } from '../pdf/index.js';
import { readSecret } from './secret.js';

export const EnvNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name');

export type SignerSource =
  | { kind: 'p12'; file: string; passEnv?: string }
  | { kind: 'pkcs11'; library: string; slot?: number; pinEnv?: string };

export async function openSigner(source: SignerSource): Promise<Signer> {
  if (source.kind === 'p12') {
    const password = await readSecret(source.passEnv, {
      vi: 'mật khẩu tệp .p12',
      en: '.p12 password',
      flag: '--pass-env',
    });
    return openP12SignerFile(source.file, password);
  }
  const pin = await readSecret(source.pinEnv, {
    vi: 'mã PIN của token',
    en: 'token PIN',
    flag: '--pin-env',
  });
  return openPkcs11Signer({
    library: source.library,
    pin,
    ...(source.slot !== undefined ? { slotIndex: source.slot } : {}),
  });
}
