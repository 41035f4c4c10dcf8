/**
 * Diagnostics for IT staff: `sohoa doctor` over the whole station and the support bundle.
 */
export { runStationDoctor, stationDoctorChecks } from './station-checks.js';
export type { DoctorOptions } from './station-checks.js';
export type { StationContext } from './checks/context.js';
export { writeSupportBundle, SupportBundleRequest } from './support-bundle.js';
export type { SupportBundleResult } from './support-bundle.js';
export { Redactor, isSecretName, REDACTED } from './redact.js';
export { DISK_FAIL_BYTES, DISK_WARN_BYTES } from './checks/disk.js';
export { CERTIFICATE_WARN_DAYS, signingCheck } from './checks/signing.js';
