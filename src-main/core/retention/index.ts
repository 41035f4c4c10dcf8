/** Retention of acknowledged dossiers (issue #12): preview, purge, history, and the schedule. */
export { RetentionService } from './retention-service.js';
export type { RetentionDeps, RetentionRun } from './retention-service.js';
export { RetentionSchedule, SCHEDULED_RETENTION_ACTOR } from './schedule.js';
export type { RetentionScheduleOptions } from './schedule.js';
export { retentionService, retentionScheduleService } from './service.js';
