/**
 * What the sync engine needs from the rest of the station, kept to a small port so the engine
 * can be driven by the dossier store in the app and by plain outbox entries in tests and
 * imports. Every method must be idempotent: after a crash the engine may call it again.
 */
import type { Agency, Procedure } from './contract/index.js';
import type { OutboxEntryInput } from './outbox/entry.js';

export interface StationLink {
  /** Replace a provisional code by the official one everywhere it appears. */
  replaceCode(dossierId: number | null, provisionalCode: string, officialCode: string): void;
  /** How many leased codes are still free for this agency and day (reception takes them). */
  freeLeasedCodes(agency: string, day: string): number;
  addLeasedCodes(codes: string[]): void;
  /** The catalog for offline use (a full or an incremental refresh). */
  saveCatalog(catalog: { version: string; agencies: Agency[]; procedures: Procedure[] }): void;
  /** The province acknowledged a dossier at a revision. */
  acknowledged(dossierId: number | null, code: string, revision: string): void;
  /** The province refused a dossier; the clerk must act. */
  needsAttention(dossierId: number | null, code: string, message: string): void;
  /** The province's TrangThaiHoSo of a dossier. */
  remoteStatus(code: string, status: number): void;
  /** Dossiers the station wants sent that may not be in the outbox yet. */
  pending(): OutboxEntryInput[];
}

/** For an outbox not tied to a store (tests, a station that only relays imported packages). */
export const detachedStation: StationLink = {
  replaceCode() {},
  freeLeasedCodes: () => Number.POSITIVE_INFINITY,
  addLeasedCodes() {},
  saveCatalog() {},
  acknowledged() {},
  needsAttention() {},
  remoteStatus() {},
  pending: () => [],
};
