/**
 * What is known about the workstation for the status bar; an `undefined` field is not known.
 * - network: this machine's connection as the OS reports it (the core runs on the same
 *   machine, on 127.0.0.1);
 * - scanner: the configured scanner if connected, else the first one the core sees; checked at
 *   start, after each scan, when the configuration changes, when the core comes back, and
 *   30 s after a failure;
 * - queue: the send queue is not in the API contract yet, so it stays unknown, not guessed.
 */
import { useSyncExternalStore } from 'react';
import { useApiQuery, type MethodOutput } from '../api/index.js';

export interface WorkstationStatus {
  network?: boolean;
  queueLength?: number;
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
  const network = useSyncExternalStore(subscribeNetwork, () => navigator.onLine);
  const devices = useApiQuery(
    'scan.devices',
    {},
    ['scan.finished', 'scan.failed', 'config.changed'],
    SCANNER_RETRY_MS,
  );
  const config = useApiQuery('config.get', {}, ['config.changed']);
  const configured = config.state === 'ok' ? config.data.config.scanner.device : undefined;
  return {
    network,
    ...(devices.state === 'ok' ? { scanner: scannerName(devices.data, configured) } : {}),
    ...(devices.state === 'error' ? { scannerProblem: devices.error.localized(lang) } : {}),
  };
}
