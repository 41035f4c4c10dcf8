/**
 * What a person (clerk, IT staff) sees of sync: the line, the last problem, the outbox by state,
 * what waits for a person and why, and the province's status of delivered dossiers. Read from
 * the tables only, so it works without a configured gateway and from a second process.
 */
import type { Database } from 'better-sqlite3';
import type { EngineState } from './engine.js';
import { OutboxStore } from './outbox/outbox-store.js';
import type { OutboxState } from './outbox/outbox-store.js';

export interface SyncStatus {
  connectivity: EngineState['connectivity'];
  since: string | null;
  problem: EngineState['problem'];
  lastPassAt: string | null;
  nextProbeAt: string | null;
  outbox: Record<OutboxState, number>;
  waiting: Array<{
    MaHoSo: string;
    provisionalCode: string | null;
    state: OutboxState;
    attempts: number;
    attention: string | null;
    lastError: string | null;
  }>;
  acknowledged: number;
  remoteStatus: Array<{
    MaHoSo: string;
    TrangThaiHoSo: number;
    PhienBan: string;
    fetchedAt: string;
  }>;
}

export function syncStatus(db: Database): SyncStatus {
  const outbox = new OutboxStore(db, Date.now);
  const engine = outbox.readState<EngineState>('engine');
  return {
    connectivity: engine?.connectivity ?? 'unknown',
    since: engine?.since ?? null,
    problem: engine?.problem ?? null,
    lastPassAt: engine?.lastPassAt ?? null,
    nextProbeAt:
      engine?.connectivity === 'offline' ? new Date(engine.nextProbeAt).toISOString() : null,
    outbox: outbox.counts(),
    waiting: outbox.all().map((i) => ({
      MaHoSo: i.officialCode ?? i.code,
      provisionalCode: i.provisional ? i.code : null,
      state: i.state,
      attempts: i.attempts,
      attention: i.attention,
      lastError: i.lastError,
    })),
    acknowledged: outbox.receipts().length,
    remoteStatus: outbox.remoteStatuses(),
  };
}
