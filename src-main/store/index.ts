/**
 * The dossier store: SQLite (migrations, repositories, FTS search, audit log) and the
 * content-addressed blob store. See docs/DEVELOPING.md "Store API".
 */
export { openStore, Store, DATABASE_FILE, BLOB_DIR } from './store.js';
export type { NewPage, NewDossierRecord, OpenStoreOptions } from './store.js';
export { openDatabase, BUSY_TIMEOUT_MS } from './connection.js';
export {
  changeDataKey,
  encryptionStatus,
  openDataKeys,
  openStoreDatabase,
  recoveryPublicKey,
} from './encryption/index.js';
export type {
  EncryptionStatus,
  KeyChangeOptions,
  KeyChangeProgress,
  KeyChangeReport,
} from './encryption/index.js';
export type { Db } from './connection.js';
export { migrate, migrationFiles } from './migration.js';
export type { Migration } from './migration.js';
export { BlobStore } from './blobs/index.js';
export type { StoredBlob, GcReport } from './blobs/index.js';
export type { DossierFilter } from './repositories/dossiers.js';
export { PageReviewRepository } from './repositories/page-review.js';
export type { PageDeletion, PagePlacement, DeletionReason } from './repositories/page-review.js';
export type { TakenCode } from './repositories/codes.js';
export type { StoredAccount, StoredSession } from './repositories/accounts.js';
export type { AuditEntry, AuditRow, AuditVerification, AuditProblem } from './audit/index.js';
export { toFtsQuery } from './search/index.js';
export type { SearchOptions, SearchHit, Snippet } from './search/index.js';
export { readCatalogFile } from './catalog-file.js';
export { storeDoctorChecks } from './doctor-checks.js';
export { PageProcessingRepository } from './repositories/page-processing.js';
export type {
  ClaimedPage,
  ProcessingRequest,
  ProcessingResult,
} from './repositories/page-processing.js';
export { FinishRepository } from './repositories/finish.js';
export type { StoredReceipt } from './repositories/finish.js';
export { ApplicantRepository } from './repositories/applicant.js';
export type {
  ApplicantChanges,
  ApplicantTarget,
  FieldDecision,
  StoredPageField,
} from './repositories/applicant.js';
