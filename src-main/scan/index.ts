/**
 * Scanning and import: the driver interface, the SANE driver behind a crash-isolated host, file
 * import, and acquisition into a folder or a dossier component.
 */
export type { ScanDriver } from './driver.js';
export { ScanService } from './service.js';
export type { ScanJobOptions } from './service.js';
export { acquire } from './acquire.js';
export { recoverSpool, spoolDoctorCheck } from './spool-recovery.js';
export type { SpoolRecoveryReport, StrandedScan } from './spool-recovery.js';
export type { LandingTarget, DestinationJournal } from './landing-journal.js';
export { ScanSessions } from './sessions.js';
export type {
  ScanEventPayloads,
  ScanEventName,
  PublishScanEvent,
  SessionError,
} from './sessions.js';
export type { AcquireResult, PageAcquired } from './acquire.js';
export type { PageDestination, LandedPage, PageLocation } from './destination.js';
export { OutDirDestination } from './out-dir.js';
export { DossierDestination, openDossierDestination } from './store-destination.js';
export { scanRequestFor, findProfile } from './profiles.js';
export type { ScanProfile, ScannerConfig } from './profiles.js';
export { SaneDriver } from './sane/driver.js';
export {
  importFiles,
  parseImportRequest,
  ImportRequestSchema,
  MAX_IMPORT_PIXELS,
  DEFAULT_IMPORT_DPI,
} from './import/index.js';
export type { ImportRequest, ImportOutcome, FileOutcome } from './import/index.js';
export { ScannerHost } from './host/client.js';
export {
  SCAN_SOURCES,
  COLOR_MODES,
  PAGE_SIZES,
  ScanRequestSchema,
  ScanOverridesSchema,
  DeviceOptionValueSchema,
} from './types.js';
export type {
  ScanSource,
  ColorMode,
  PageSize,
  ScanRequest,
  ScanRequestInput,
  ScanDevice,
  DeviceCapabilities,
  AcquiredImage,
  ScanProgress,
  ScanOutcome,
  ScanRunOptions,
  DeviceOptionValue,
} from './types.js';
