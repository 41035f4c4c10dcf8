export { BlobStore } from './blob-store.js';
export type { StoredBlob } from './blob-store.js';
export { collectGarbage, recoverTrash } from './gc.js';
export type { GcReport } from './gc.js';
