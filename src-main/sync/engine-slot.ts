/**
 * The station's one sync engine, replaced when what it runs with changes (gateway URL, client id,
 * client secret, agency, sync settings, `sync.enabled`) so an administrator's change in Settings
 * takes effect without restarting the app.
 *
 * A replacement stops the old engine first and waits for its pass to end: an upload under way
 * completes and is recorded in the outbox before the new engine reads it, so nothing is sent
 * twice, and a pass cut short by the process dying resumes from the outbox's recorded tus offsets.
 * Replacements run one after another; callers asking for the engine meanwhile get the new one.
 */
import { createHash } from 'node:crypto';
import type { SyncSettings } from './config.js';
import type { SyncEngine } from './engine.js';

export interface EngineRecipe {
  /** Absent: the station is not configured for sync (no engine). */
  settings: SyncSettings | undefined;
  /** Run the background loop (`sync.enabled`). */
  enabled: boolean;
}

export interface EngineSlotOptions {
  /** What the engine should run with now (read afresh at every reconfigure). */
  recipe: () => EngineRecipe;
  create: (settings: SyncSettings) => Promise<SyncEngine>;
}

function fingerprint(recipe: EngineRecipe): string {
  // A digest, so the secret is not kept around in a second readable form.
  return createHash('sha256').update(JSON.stringify(recipe)).digest('hex');
}

export class SyncEngineSlot {
  #engine: SyncEngine | undefined;
  #key: string | undefined;
  /** The latest reconfigure; the next one starts after it. */
  #settled: Promise<SyncEngine | undefined>;
  #stopped = false;

  constructor(private readonly options: EngineSlotOptions) {
    this.#settled = this.#apply(false);
    // Whoever asks for the engine sees a failure; an unasked one must not crash the process.
    this.#settled.catch(() => undefined);
  }

  /** The engine as of the last configuration applied (undefined: not configured). */
  current(): Promise<SyncEngine | undefined> {
    return this.#settled;
  }

  /**
   * Applies the configuration as it is now: the same settings keep the running engine; changed
   * ones stop it (its pass ends first) and start a new one, which tries the line at once.
   */
  reconfigure(): Promise<SyncEngine | undefined> {
    this.#settled = this.#settled.catch(() => undefined).then(() => this.#apply(true));
    this.#settled.catch(() => undefined);
    return this.#settled;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#settled.catch(() => undefined);
    await this.#engine?.stop();
  }

  async #apply(changed: boolean): Promise<SyncEngine | undefined> {
    if (this.#stopped) return undefined;
    const recipe = this.options.recipe();
    const key = fingerprint(recipe);
    if (key === this.#key) return this.#engine;
    const old = this.#engine;
    this.#engine = undefined;
    this.#key = undefined;
    await old?.stop();
    if (!recipe.settings) {
      this.#key = key;
      return undefined;
    }
    const engine = await this.options.create(recipe.settings);
    // New credentials or a new address deserve a try now, not after an auth or offline backoff.
    if (changed) engine.resetConnectivity();
    if (recipe.enabled && !this.#stopped) engine.start();
    this.#engine = engine;
    this.#key = key;
    return engine;
  }
}
