import { expect } from 'vitest';

/**
 * How long the UI may take to show something: pages talk to a core that, on a busy 2-core CI
 * machine, needs seconds for e.g. its first scanner enumeration (vitest's default is 1 s).
 */
export const UI_TIMEOUT_MS = 20_000;

/** `expect.poll` with the UI's patience: `await eventually(() => read()).toBe(x)`. */
export function eventually<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: UI_TIMEOUT_MS, interval: 100 });
}
