/**
 * Sync with the provincial system (status bar, Đồng bộ area): what waits and why, the line,
 * a nudge to send now, another try for a refused dossier, and events as dossiers move.
 */
import { z } from 'zod';
import type { ClientSecretState } from '../../sync/index.js';
import { ClientSecretSchema } from '../../sync/index.js';
import { defineContract, event, method, returns } from './define.js';

export type SyncConnectivity = 'unknown' | 'online' | 'offline' | 'auth_failed';
export type SyncItemState = 'queued' | 'uploading' | 'files_done' | 'sent' | 'needs_attention';

export interface SyncStatusView {
  /** False until gateway.baseUrl, gateway.clientId, agency.code and the client secret are set. */
  configured: boolean;
  connectivity: SyncConnectivity;
  since: string | null;
  problem: { vi: string; en: string; at: string } | null;
  lastPassAt: string | null;
  nextProbeAt: string | null;
  outbox: Record<SyncItemState, number>;
  waiting: Array<{
    MaHoSo: string;
    provisionalCode: string | null;
    state: SyncItemState;
    attempts: number;
    /** The province's message (Vietnamese) when a person must act. */
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

export interface SyncItemChanged {
  code: string;
  state: SyncItemState | 'acknowledged';
  revision?: string;
  message?: string;
}

const code = z.string().trim().min(1).max(64);

export const syncContract = defineContract({
  methods: {
    'sync.status': method({
      summary: 'The line, the last problem, the outbox by state and what waits for a person.',
      input: z.strictObject({}),
      output: returns<SyncStatusView>(),
    }),
    'sync.runNow': method({
      summary: 'Wakes the background sync (after the network came back or a dossier was queued).',
      input: z.strictObject({}),
      output: returns<SyncStatusView>(),
    }),
    'sync.retry': method({
      summary: 'Queues a dossier that needs attention again, keeping its finished uploads.',
      input: z.strictObject({ MaHoSo: code }),
      output: returns<SyncStatusView>(),
    }),
    'sync.clientSecret': method({
      summary: 'Whether a gateway client secret is stored (never the secret itself).',
      input: z.strictObject({}),
      output: returns<ClientSecretState>(),
    }),
    'sync.setClientSecret': method({
      summary:
        'Administrators: stores, replaces (secret) or clears (null) the gateway client secret in the keychain; sync picks it up at once.',
      input: z.strictObject({ secret: ClientSecretSchema.nullable() }),
      output: returns<ClientSecretState & { configured: boolean }>(),
    }),
    'sync.refreshCatalog': method({
      summary: 'Fetches agencies and procedures from the province now, for offline use.',
      input: z.strictObject({}),
      output: returns<{ version: string; agencies: number; procedures: number }>(),
    }),
  },
  events: {
    'sync.itemChanged': event<SyncItemChanged>(
      'A dossier moved in the outbox (or was acknowledged).',
    ),
    'sync.connectivityChanged': event<{ connectivity: SyncConnectivity; since: string }>(
      'The station went online, offline, or its credentials were refused.',
    ),
  },
});
