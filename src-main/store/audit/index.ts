export { AuditLog, GENESIS_HASH } from './audit-log.js';
export type { AuditEntry, AuditRow, AuditProblem, AuditVerification } from './audit-log.js';
