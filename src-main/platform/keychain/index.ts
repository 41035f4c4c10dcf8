/**
 * Secrets and keys: the keychain (OS keychain in the app, owner-only files elsewhere), the data
 * key of a data folder with its escrowed recovery copies, and the sealed file format.
 */
export { assertSecretName } from './keychain.js';
export type { Keychain } from './keychain.js';
export { FileKeychain } from './file-keychain.js';
export type { Sealer } from './file-keychain.js';
export { safeStorageKeychain, safeStorageSealer } from './safe-storage.js';
export type { SafeStorageLike } from './safe-storage.js';
export { defaultKeyDir } from './location.js';
export { installKeychain, processKeychain } from './process-keychain.js';
export {
  DataKeys,
  ENCRYPTION_FILE,
  RECOVERY_DIR,
  dataKeyName,
  lookupDataKey,
} from './data-keys.js';
export type { DataKeysOptions } from './data-keys.js';
export { wrapKey, unwrapKey, recipientFingerprint, EscrowRecordSchema } from './escrow.js';
export type { EscrowRecord } from './escrow.js';
export { isSealed, sealBuffer, sealedKeyId, HEADER_BYTES, SEGMENT_BYTES } from './sealed-format.js';
export type { SealKey } from './sealed-format.js';
export {
  SealedWriter,
  createPlainReadStream,
  createSealedWriteStream,
  openFileBytes,
  plainFileSize,
  readPlainRange,
  resealFile,
} from './sealed-file.js';
export type { KeyLookup } from './sealed-file.js';
