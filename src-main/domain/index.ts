export { AppError, isAppError } from './errors.js';
export type { ErrorCode, LocalizedMessage } from './errors.js';
export { AGENCY_CODE_PATTERN, isAgencyCode } from './agency-code.js';
export {
  DOSSIER_CODE_PATTERN,
  PROVISIONAL_CODE_PATTERN,
  parseDossierCode,
  isOfficialDossierCode,
  isProvisionalDossierCode,
  assertOfficialDossierCode,
  formatDossierCode,
} from './dossier-code.js';
export type { DossierCodeParts } from './dossier-code.js';
export { CCCD_PROVINCES, parseIdentityNumber } from './cccd.js';
export type { IdentityKind, ParsedIdentity } from './cccd.js';
export { toVn, fromVn, toGatewayTimestamp, fromGatewayTimestamp, vnDayCode } from './timestamp.js';
export type { VnDateTime } from './timestamp.js';
export { HOLIDAY_YEARS, holidayYear } from './holidays.js';
export type { HolidayYear } from './holidays.js';
export { isWorkingDay, addWorkingDays } from './working-days.js';
export { DOSSIER_STATUSES, STATUS_RECEIVED, isDossierStatus } from './status.js';
export type { DossierStatus } from './status.js';
export { foldVietnamese } from './fold.js';
export { SafeNameSchema } from './names.js';
export {
  AgencyCodeSchema,
  ProcedureCodeSchema,
  AgencySchema,
  ProcedureComponentSchema,
  ProcedureSchema,
  CatalogSchema,
} from './catalog.js';
export type { Agency, ProcedureComponent, Procedure, Catalog } from './catalog.js';
export type {
  SubjectKind,
  Channel,
  SyncState,
  Dossier,
  DossierComponent,
  DossierDocument,
  Rotation,
  Page,
  OcrWord,
  PageOcr,
  ExtractedField,
  DossierResult,
} from './dossier.js';
export type { CheckStatus, CheckResult, DoctorCheck, DoctorReport } from './doctor.js';
export { runDoctor } from './doctor.js';
export { describeIssues, invalidInput } from './validation.js';
export { PATCH_TYPES, DEFAULT_PATCH_SEPARATION } from './batch.js';
export type {
  Separation,
  PatchType,
  JobState,
  FileState,
  SourceKind,
  ComponentSplit,
  UnitLevel,
  BatchProcessing,
  BatchJob,
  BatchFile,
  BatchDossier,
  BatchStatus,
  QaDecision,
  QaReason,
  BatchQaItem,
  BatchQaSummary,
  RescanItem,
  ThroughputRow,
  TargetRow,
  ReportDossier,
  BatchReport,
} from './batch.js';
export type {
  OutputTarget,
  OutputQaPolicy,
  BatchOutputSummary,
  OutputHold,
  OutputDossierResult,
  BatchOutputResult,
} from './batch-output.js';
export {
  ROLES,
  RoleSchema,
  UsernameSchema,
  DisplayNameSchema,
  PasswordSchema,
  PASSWORD_MIN_LENGTH,
  auditActor,
} from './identity.js';
export type { Role, IdentityMode, Clerk, Account, AuthStatus } from './identity.js';
export type { RetentionCandidate, RetentionReport, PurgedDossier } from './retention.js';
export type { UpdateState, UpdateStatus } from './update.js';
export { PAGE_FLAGS } from './pipeline.js';
export type {
  PageState,
  PageFlag,
  PageCleanup,
  PageField,
  PageProcessingError,
  PageProcessing,
  PageProcessedEvent,
  DossierProcessing,
} from './pipeline.js';
export type {
  FinishProblemCode,
  FinishProblem,
  ComponentWaiver,
  ComponentReadiness,
  ReadyReport,
  ReceiptPaper,
  FinishedDocument,
  FinishResult,
} from './finish.js';
