/**
 * The API contract: every capability's methods and events in one table (`table.ts`). The
 * renderer imports only types from here. How to add a method or an event: docs/DEVELOPING.md,
 * "API contract".
 */
export { contract } from './table.js';
export { defineContract, method, event, returns } from './define.js';
export type {
  ContractPart,
  EventSpec,
  MethodSpec,
  MethodTable,
  EventTable,
  TypeOf,
} from './define.js';
export type * from './types.js';
export type { AppInfo, ConfigView } from './app.js';
