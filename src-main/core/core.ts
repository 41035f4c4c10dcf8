/**
 * The composition root: one Core per data directory, shared by every transport (Electron IPC,
 * HTTP/WS, CLI). It owns the configuration, the log, the event hub and the lazily created
 * services, and it is closed exactly once.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../domain/index.js';
import {
  loadConfig,
  silentLogger,
  updateUserConfig,
  type AppConfig,
  type ConfigLayer,
  type Logger,
  type PlainObject,
} from '../platform/index.js';
import { EventHub } from './events.js';
import type { ServiceDefinition } from './service.js';

export interface CoreOptions {
  dataDir: string;
  /** Environment for configuration (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Where the core logs (default: nowhere). The caller owns and closes it. */
  logger?: Logger;
}

interface Created {
  definition: ServiceDefinition<unknown>;
  service: unknown;
}

export class Core {
  readonly dataDir: string;
  readonly log: Logger;
  readonly events = new EventHub();
  readonly #env: NodeJS.ProcessEnv;
  #config: AppConfig;
  #layers: Array<Omit<ConfigLayer, 'values'>>;
  readonly #services = new Map<ServiceDefinition<unknown>, Created>();
  #closed = false;

  constructor(options: CoreOptions) {
    this.dataDir = resolve(options.dataDir);
    mkdirSync(this.dataDir, { recursive: true });
    this.#env = options.env ?? process.env;
    this.log = options.logger ?? silentLogger();
    const loaded = loadConfig({ dataDir: this.dataDir, env: this.#env });
    this.#config = loaded.config;
    this.#layers = loaded.layers;
    for (const { source, ignored } of loaded.layers)
      if (ignored)
        this.log.warn(
          { source, sections: ignored },
          'configuration: machine-only sections in the user file are ignored; IT sets them in the machine file',
        );
  }

  /** The effective configuration (machine file < user file < environment). */
  get config(): AppConfig {
    return this.#config;
  }

  get configLayers(): ReadonlyArray<Omit<ConfigLayer, 'values'>> {
    return this.#layers;
  }

  /** Writes a change to the user's config file (validated first) and applies it. */
  updateConfig(patch: PlainObject): AppConfig {
    const loaded = updateUserConfig({ dataDir: this.dataDir, env: this.#env }, patch);
    this.#config = loaded.config;
    this.#layers = loaded.layers;
    this.log.info({ keys: Object.keys(patch) }, 'configuration changed');
    return this.#config;
  }

  /** The service for this data directory, created on first use. */
  use<T>(definition: ServiceDefinition<T>): T {
    if (this.#closed) {
      throw new AppError(
        'UNAVAILABLE',
        { vi: 'Ứng dụng đang đóng', en: 'The application is shutting down' },
        { details: { service: definition.name } },
      );
    }
    const existing = this.#services.get(definition as ServiceDefinition<unknown>);
    if (existing) return existing.service as T;
    const service = definition.create(this);
    this.#services.set(definition as ServiceDefinition<unknown>, {
      definition: definition as ServiceDefinition<unknown>,
      service,
    });
    this.log.debug({ service: definition.name }, 'service started');
    return service;
  }

  /** Disposes of every service, newest first; a failing disposal is logged, not fatal. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const { definition, service } of [...this.#services.values()].reverse()) {
      try {
        await definition.dispose?.(service);
      } catch (error) {
        this.log.error({ err: error, service: definition.name }, 'service failed to close');
      }
    }
    this.#services.clear();
  }
}

export function createCore(options: CoreOptions): Core {
  return new Core(options);
}
