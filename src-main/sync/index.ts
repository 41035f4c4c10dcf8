/**
 * Offline-first sync with the provincial one-stop-shop system: the outbox engine, the gateway
 * client, and the reference gateway. See docs/sync.md.
 */
export { SyncEngine } from './engine.js';
export type { EngineState, ItemEvent, SyncEngineOptions, Connectivity } from './engine.js';
export {
  syncSettingsFrom,
  readClientSecret,
  writeClientSecret,
  clearClientSecret,
  clientSecretState,
  ClientSecretSchema,
} from './config.js';
export type { SyncSettings, ClientSecretState } from './config.js';
export { SyncEngineSlot } from './engine-slot.js';
export type { EngineRecipe } from './engine-slot.js';
export { checkGatewayUrl } from './url-policy.js';
export { systemClock } from './clock.js';
export type { Clock } from './clock.js';
export { GatewayClient } from './gateway-client.js';
export { GatewayError, isGatewayError } from './gateway-error.js';
export type { GatewayErrorKind } from './gateway-error.js';
export { OutboxStore, OUTBOX_STATES } from './outbox/outbox-store.js';
export type { OutboxItem, OutboxFile, OutboxState } from './outbox/outbox-store.js';
export { OutboxEntry } from './outbox/entry.js';
export type { OutboxEntryInput, DossierDraft, LocalFile } from './outbox/entry.js';
export { detachedStation } from './station-link.js';
export type { StationLink } from './station-link.js';
export { storeStation, entryFromStore } from './store-link.js';
export { openStationSync } from './station-sync.js';
export { syncStatus } from './status.js';
export type { SyncStatus } from './status.js';
export type { StationSync } from './station-sync.js';
export { startGateway, DEFAULT_AGENCY } from './gateway-server/index.js';
export type {
  RunningGateway,
  GatewayOptionsInput,
  GatewayRepository,
} from './gateway-server/index.js';
export * as contract from './contract/index.js';
export { writePackage, importPackage } from './package/index.js';
export type { ImportResult } from './package/index.js';
