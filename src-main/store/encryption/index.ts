/**
 * Encryption at rest of a store's folder: its data keys, and changing them in place (rotation,
 * encrypting a folder from before encryption). See connection.ts and blobs/ for the formats.
 */
export { openDataKeys, recoveryPublicKey, DATABASE_FILE } from './open-keys.js';
export type { OpenKeysOptions } from './open-keys.js';
export { openStoreDatabase } from './store-database.js';
export { changeDataKey } from './change-key.js';
export type { KeyChangeOptions, KeyChangeProgress, KeyChangeReport } from './change-key.js';
export { encryptionStatus } from './status.js';
export type { EncryptionStatus } from './status.js';
