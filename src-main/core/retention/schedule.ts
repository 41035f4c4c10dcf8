/**
 * The retention rule applied by a running station on its own, so that a counter PC left on for
 * weeks does not keep citizens' papers past the rule because nobody scheduled `sohoa retention`.
 * The first check runs soon after start, then every few hours; when nothing is due a check is
 * one indexed query. Checks never overlap, and a failed one is logged and retried at the next.
 */
import type { RetentionReport } from '../../domain/index.js';
import type { Logger } from '../../platform/index.js';

/** The audit actor of purges the station makes by itself. */
export const SCHEDULED_RETENTION_ACTOR = 'system:retention';

export interface RetentionScheduleOptions {
  /** One purge by the configured rule. */
  purge: () => Promise<RetentionReport>;
  /** Whether a rule is set (security.retentionDays > 0); read at every check. */
  enabled: () => boolean;
  log: Logger;
  firstDelayMs?: number;
  intervalMs?: number;
}

const FIRST_DELAY_MS = 60_000;
const INTERVAL_MS = 6 * 3_600_000;

export class RetentionSchedule {
  readonly #options: RetentionScheduleOptions;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<RetentionReport | undefined> = Promise.resolve(undefined);
  #stopped = false;

  constructor(options: RetentionScheduleOptions) {
    this.#options = options;
  }

  start(): void {
    this.#stopped = false;
    this.#arm(this.#options.firstDelayMs ?? FIRST_DELAY_MS);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  /** The check in progress or the last one (undefined: not run, or no rule). */
  lastCheck(): Promise<RetentionReport | undefined> {
    return this.#running;
  }

  #arm(delayMs: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#running = this.#check().finally(() =>
        this.#arm(this.#options.intervalMs ?? INTERVAL_MS),
      );
    }, delayMs);
    this.#timer.unref();
  }

  async #check(): Promise<RetentionReport | undefined> {
    if (!this.#options.enabled()) return undefined;
    try {
      return await this.#options.purge();
    } catch (error) {
      this.#options.log.error({ err: error }, 'scheduled retention purge failed; retried later');
      return undefined;
    }
  }
}
