import { expect } from 'vitest';

/**
 * How long the UI may take to show something: pages talk to a core that, on a busy 2-core CI
 * machine, needs seconds for e.g. its first scanner enumeration (vitest's default is 1 s).
 */
export const UI_TIMEOUT_MS = 20_000;

/**
 * How long the scanner host may take to list the devices the first time: it starts a process
 * that loads libsane and asks every backend, which took over 20 s with both cores busy.
 */
export const SCANNER_TIMEOUT_MS = 90_000;

/** `expect.poll` with the UI's patience: `await eventually(() => read()).toBe(x)`. */
export function eventually<T>(read: () => T | Promise<T>, timeout = UI_TIMEOUT_MS) {
  return expect.poll(read, { timeout, interval: 100 });
}
