/**
 * The scanning service of one data directory: the SANE driver (and through it the scanner host),
 * scan profiles from the configuration, and acquisitions into a destination. Created once per
 * data directory by whoever composes the app (core service, CLI); `close()` stops the host.
 * The folder's data keys are opened on the first scan or recovery (listing devices needs none).
 */
import { join } from 'node:path';
import pino from 'pino';
import type { Logger } from '../platform/index.js';
import { openDataKeys } from '../store/index.js';
import type { SpoolKeys } from './host/spool.js';
import { acquire, type AcquireResult, type PageAcquired } from './acquire.js';
import type { PageDestination } from './destination.js';
import { deviceNotFound } from './errors.js';
import { scanRequestFor, type ScannerConfig } from './profiles.js';
import { ScannerHost } from './host/client.js';
import { SaneDriver } from './sane/driver.js';
import { recoverSpool, type SpoolRecoveryReport } from './spool-recovery.js';
import type {
  DeviceCapabilities,
  ScanDevice,
  ScanOutcome,
  ScanProgress,
  ScanRequestInput,
  ScanRequest,
} from './types.js';

export interface ScanJobOptions {
  profile?: string;
  signal?: AbortSignal;
  onProgress?: (progress: ScanProgress) => void;
  onPageAcquired?: (event: PageAcquired) => void;
}

export class ScanService {
  readonly driver: SaneDriver;
  readonly #spoolRoot: string;
  readonly #logger: Logger | undefined;
  #recovery: Promise<SpoolRecoveryReport> | undefined;
  #keys: SpoolKeys | undefined;

  /**
   * @param options.cancelGraceMs how long a cancelled scan may take before the host is killed
   * @param options.logger where spool recovery reports; default: warnings and errors to stderr
   * @param options.keys the folder's data keys; default: from the process keychain, as the store
   */
  constructor(
    private readonly dataDir: string,
    private readonly config: () => ScannerConfig,
    options: { cancelGraceMs?: number; logger?: Logger; keys?: SpoolKeys } = {},
  ) {
    this.#spoolRoot = join(dataDir, 'spool', 'scan');
    this.#logger = options.logger;
    this.#keys = options.keys;
    this.driver = new SaneDriver(
      this.#spoolRoot,
      () => this.keys(),
      new ScannerHost(),
      options.cancelGraceMs,
    );
  }

  /** The data folder's keys the spool seals pages with. */
  keys(): SpoolKeys {
    this.#keys ??= openDataKeys(this.dataDir);
    return this.#keys;
  }

  /**
   * Lands the pages a previous run of the app spooled but never landed (it died in between);
   * once per service, and every scan waits for it, so recovered pages come before new ones.
   */
  recoverSpool(onPageAcquired?: (event: PageAcquired) => void): Promise<SpoolRecoveryReport> {
    this.#recovery ??= recoverSpool({
      spoolRoot: this.#spoolRoot,
      dataDir: this.dataDir,
      keys: this.keys(),
      logger: this.#logger ?? pino({ level: 'warn' }, pino.destination(2)),
      ...(onPageAcquired ? { onPageAcquired } : {}),
    });
    return this.#recovery;
  }

  devices(): Promise<ScanDevice[]> {
    return this.driver.listDevices();
  }

  capabilities(device: string): Promise<DeviceCapabilities> {
    return this.driver.capabilities(device);
  }

  /** The configured device, else the first one found. */
  async #defaultDevice(): Promise<string> {
    const configured = this.config().device;
    if (configured) return configured;
    const [first] = await this.devices();
    if (!first) throw deviceNotFound('(mặc định / default)', []);
    return first.id;
  }

  /** The validated request: profile defaults, then the overrides; the default device if none. */
  async prepare(overrides: Partial<ScanRequestInput>, profile?: string): Promise<ScanRequest> {
    const device = overrides.device ?? (await this.#defaultDevice());
    return scanRequestFor(this.config(), profile, { ...overrides, device });
  }

  async run(
    request: ScanRequest,
    destination: PageDestination,
    options: ScanJobOptions = {},
  ): Promise<AcquireResult<ScanOutcome>> {
    await this.recoverSpool(options.onPageAcquired);
    const target = destination.journal?.target;
    return acquire(
      this.driver.scan(request, { ...options, ...(target ? { target } : {}) }),
      destination,
      options.onPageAcquired,
    );
  }

  async scan(
    overrides: Partial<ScanRequestInput>,
    destination: PageDestination,
    options: ScanJobOptions = {},
  ): Promise<AcquireResult<ScanOutcome>> {
    return this.run(await this.prepare(overrides, options.profile), destination, options);
  }

  close(): Promise<void> {
    return this.driver.dispose();
  }
}
