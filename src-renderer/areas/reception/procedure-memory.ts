/**
 * The procedures this station uses: favourites the clerk starred and the most recent ones, kept
 * in the station's local storage (a counter serves the same few procedures all day).
 */
import { useSyncExternalStore } from 'react';

const storageKey = 'sohoa.procedures';
const MAX_RECENT = 6;

export interface ProcedureMemory {
  favourites: string[];
  recent: string[];
}

const listeners = new Set<() => void>();

function load(): ProcedureMemory {
  try {
    const parsed = JSON.parse(
      window.localStorage.getItem(storageKey) ?? '{}',
    ) as Partial<ProcedureMemory>;
    const codes = (v: unknown) =>
      Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string') : [];
    return { favourites: codes(parsed.favourites), recent: codes(parsed.recent) };
  } catch {
    return { favourites: [], recent: [] };
  }
}

let memory = load();

function save(next: ProcedureMemory): void {
  memory = next;
  try {
    window.localStorage.setItem(storageKey, JSON.stringify(next));
  } catch {
    // storage disabled: remembered for this page only
  }
  for (const listener of listeners) listener();
}

export function toggleFavourite(code: string): void {
  const has = memory.favourites.includes(code);
  save({
    ...memory,
    favourites: has ? memory.favourites.filter((c) => c !== code) : [...memory.favourites, code],
  });
}

export function rememberUse(code: string): void {
  save({
    ...memory,
    recent: [code, ...memory.recent.filter((c) => c !== code)].slice(0, MAX_RECENT),
  });
}

export function useProcedureMemory(): ProcedureMemory {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => memory,
  );
}
