/**
 * Messages between the app and the scanner host. Requests carry an id; the host answers each
 * with exactly one `result` (ok or error) and, for a scan, any number of events before it.
 * Page data never crosses the channel: it is in the spool, named by the `page` event.
 */
import type { DeviceCapabilities, ScanDevice, ScanProgress, ScanRequest } from '../types.js';
import type { SpooledPage, WireKey } from './spool.js';

export type HostRequest =
  | { id: number; op: 'devices' }
  | { id: number; op: 'capabilities'; device: string }
  | { id: number; op: 'scan'; request: ScanRequest; spoolDir: string; spoolKey?: WireKey }
  | { id: number; op: 'cancel'; target: number };

export interface HostError {
  /** The driver's status name (e.g. "JAMMED"), or a scan error code decided in the host. */
  status?: string;
  /** Set when the host already knows the typed error (AppError code and both messages). */
  code?: string;
  message: string;
  messageVi?: string;
  details?: Record<string, unknown>;
}

export interface ScanResult {
  pages: number;
  feederEmpty: boolean;
}

export type HostMessage =
  | {
      id: number;
      kind: 'result';
      ok: true;
      value: ScanDevice[] | DeviceCapabilities | ScanResult | null;
    }
  | { id: number; kind: 'result'; ok: false; error: HostError }
  | { id: number; kind: 'progress'; progress: ScanProgress }
  | { id: number; kind: 'page'; page: SpooledPage }
  | { id: 0; kind: 'ready'; available: boolean; reason?: string };
