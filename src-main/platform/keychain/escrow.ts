/**
 * Key escrow: a data key wrapped (RSA-OAEP, SHA-256) for the recovery public key IT staff set at
 * install. The wrapped copy can sit next to the data because only the private key, kept offline
 * by IT, unwraps it; it is the one way back when a PC's keychain is lost (reinstalled OS, broken
 * disk, another Windows user).
 */
import {
  constants,
  createHash,
  createPrivateKey,
  createPublicKey,
  privateDecrypt,
  publicEncrypt,
} from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../domain/index.js';
import type { SealKey } from './sealed-format.js';

export const EscrowRecordSchema = z.strictObject({
  format: z.literal(1),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  algorithm: z.literal('RSA-OAEP-SHA256'),
  /** SHA-256 of the recipient public key (DER, SPKI), to tell IT which private key opens it. */
  recipient: z.string().regex(/^[0-9a-f]{64}$/),
  wrapped: z.base64(),
});
export type EscrowRecord = z.infer<typeof EscrowRecordSchema>;

function badKey(what: 'public' | 'private', cause: unknown): AppError {
  return new AppError(
    'VALIDATION',
    what === 'public'
      ? {
          vi: 'Khóa công khai khôi phục không đọc được (cần tệp PEM RSA ≥ 2048 bit)',
          en: 'The recovery public key cannot be read (an RSA PEM file of at least 2048 bits is needed)',
        }
      : {
          vi: 'Khóa bí mật khôi phục không đọc được hoặc sai mật khẩu',
          en: 'The recovery private key cannot be read or its passphrase is wrong',
        },
    { cause },
  );
}

export function recipientFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}

export function wrapKey(publicKeyPem: string, key: SealKey): EscrowRecord {
  try {
    const publicKey = createPublicKey(publicKeyPem);
    if (
      publicKey.asymmetricKeyType !== 'rsa' ||
      (publicKey.asymmetricKeyDetails?.modulusLength ?? 0) < 2048
    )
      throw new Error('not an RSA key of at least 2048 bits');
    const wrapped = publicEncrypt(
      { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      key.bytes,
    );
    return {
      format: 1,
      keyId: key.id,
      algorithm: 'RSA-OAEP-SHA256',
      recipient: recipientFingerprint(publicKeyPem),
      wrapped: wrapped.toString('base64'),
    };
  } catch (error) {
    throw badKey('public', error);
  }
}

export function unwrapKey(
  record: EscrowRecord,
  privateKeyPem: string,
  passphrase?: string,
): SealKey {
  try {
    const privateKey = createPrivateKey({
      key: privateKeyPem,
      ...(passphrase ? { passphrase } : {}),
    });
    const bytes = privateDecrypt(
      { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      Buffer.from(record.wrapped, 'base64'),
    );
    return { id: record.keyId, bytes };
  } catch (error) {
    throw badKey('private', error);
  }
}
