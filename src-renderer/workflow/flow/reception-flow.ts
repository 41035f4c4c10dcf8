/**
 * The dossier being received at this counter and the step the clerk is on. Kept in the tab's
 * session storage, so a reload (or a detour to Search to reuse a document) returns to the same
 * dossier and step; "Hồ sơ mới" clears it. One small external store, read with
 * useSyncExternalStore by whichever area needs it.
 */
import { useSyncExternalStore } from 'react';

export const stepIds = ['receive', 'scan', 'review', 'finish'] as const;
export type StepId = (typeof stepIds)[number];

export interface ReceptionFlow {
  /** Set once the dossier is created. */
  MaHoSo?: string;
  step: StepId;
  /** The component the next scan goes into. */
  component?: string;
}

const storageKey = 'sohoa.reception';
const empty: ReceptionFlow = { step: 'receive' };
const listeners = new Set<() => void>();

function read(): ReceptionFlow {
  try {
    const raw = window.sessionStorage.getItem(storageKey);
    if (!raw) return empty;
    const parsed = JSON.parse(raw) as Partial<ReceptionFlow>;
    const step = stepIds.includes(parsed.step as StepId) ? (parsed.step as StepId) : 'receive';
    return {
      step,
      ...(typeof parsed.MaHoSo === 'string' ? { MaHoSo: parsed.MaHoSo } : {}),
      ...(typeof parsed.component === 'string' ? { component: parsed.component } : {}),
    };
  } catch {
    return empty;
  }
}

let current = read();

export function setReceptionFlow(next: ReceptionFlow): void {
  current = next;
  try {
    window.sessionStorage.setItem(storageKey, JSON.stringify(next));
  } catch {
    // storage disabled: the flow lasts as long as the page
  }
  for (const listener of listeners) listener();
}

export function updateReceptionFlow(change: Partial<ReceptionFlow>): void {
  setReceptionFlow({ ...current, ...change });
}

export function resetReceptionFlow(): void {
  setReceptionFlow(empty);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useReceptionFlow(): ReceptionFlow {
  return useSyncExternalStore(subscribe, () => current);
}
