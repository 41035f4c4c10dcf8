/** Retention of acknowledged dossiers (issue #12): preview, purge, history. */
export { RetentionService } from './retention-service.js';
export type { RetentionDeps, RetentionRun } from './retention-service.js';
export { retentionService } from './service.js';
