/**
 * What is known about the workstation for the status bar; an `undefined` field is not known.
 * - network: the line to the provincial system as the sync engine sees it, once sync is
 *   configured and has probed; until then this machine's connection as the OS reports it;
 * - scanner: the configured scanner if connected, else the first one the core sees; checked at
 *   start, after each scan, when the configuration changes, when the core comes back, and
 *   30 s after a failure;
 * - queue: dossiers in the sync outbox not yet sent, and how many need a person.
 */
import { useSyncExternalStore } from 'react';
import { useApiQuery, type MethodOutput } from '../api/index.js';

export interface WorkstationStatus {
  network: 'online' | 'offline' | 'auth_failed';
  /** Whether `network` is the provincial line (true) or only this machine's connection. */
  networkFromSync: boolean;
  queueLength?: number;
  /** Dossiers the province refused, waiting for a person. */
  queueAttention?: number;
  /** The scanner in use; `null` when none is connected. */
  scanner?: string | null;
  /** Why the scanner is unknown, when the core said why. */
  scannerProblem?: string;
}

function subscribeNetwork(onChange: () => void) {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

type Devices = MethodOutput<'scan.devices'>;

/** A scanner host that failed (crashed, driver busy) is asked again after this long. */
const SCANNER_RETRY_MS = 30_000;

function scannerName(devices: Devices, configured: string | undefined): string | null {
  const device = devices.find((d) => d.id === configured) ?? devices[0];
  return device ? `${device.vendor} ${device.model}`.trim() : null;
}

export function useWorkstationStatus(lang: string): WorkstationStatus {
  const online = useSyncExternalStore(subscribeNetwork, () => navigator.onLine);
  const devices = useApiQuery(
    'scan.devices',
    {},
    ['scan.finished', 'scan.failed', 'config.changed'],
    SCANNER_RETRY_MS,
  );
  const config = useApiQuery('config.get', {}, ['config.changed']);
  const sync = useApiQuery('sync.status', {}, [
    'sync.itemChanged',
    'sync.connectivityChanged',
    'config.changed',
  ]);
  const line = sync.state === 'ok' && sync.data.configured ? sync.data.connectivity : 'unknown';
  const outbox = sync.state === 'ok' ? sync.data.outbox : undefined;
  const configured = config.state === 'ok' ? config.data.config.scanner.device : undefined;
  return {
    network: line !== 'unknown' ? line : online ? 'online' : 'offline',
    networkFromSync: line !== 'unknown',
    ...(outbox
      ? {
          queueLength:
            outbox.queued + outbox.uploading + outbox.files_done + outbox.needs_attention,
          queueAttention: outbox.needs_attention,
        }
      : {}),
    ...(devices.state === 'ok' ? { scanner: scannerName(devices.data, configured) } : {}),
    ...(devices.state === 'error' ? { scannerProblem: devices.error.localized(lang) } : {}),
  };
}
