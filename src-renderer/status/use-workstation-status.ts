/**
 * What is known about the workstation for the status bar; an `undefined` field is not known.
 * The network state is this machine's connection as the OS reports it (the core runs on the
 * same machine, on 127.0.0.1). The send queue and the scanner are reported by the core; until
 * the contract carries methods for them, they stay unknown rather than guessed.
 */
import { useSyncExternalStore } from 'react';

export interface WorkstationStatus {
  network?: boolean;
  queueLength?: number;
  /** The scanner in use; `null` when none is connected. */
  scanner?: string | null;
}

function subscribeNetwork(onChange: () => void) {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

export function useWorkstationStatus(): WorkstationStatus {
  const network = useSyncExternalStore(subscribeNetwork, () => navigator.onLine);
  return { network };
}
