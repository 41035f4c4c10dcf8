/**
 * The worker pool the pipeline runs in (piscina). A worker reports AppErrors as data; they are
 * rebuilt here so callers see the same codes and messages as in-process.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { AppError } from '../../domain/index.js';
import { moduleEntry } from '../../platform/index.js';
import { assertRawImage } from '../raw.js';
import type { RawImage } from '../raw.js';
import type { ProcessingProfile } from './profile.js';
import type { PageOutcome, PageResult, PageTask } from './worker.js';

export interface ImagingPoolOptions {
  /** Worker threads (default: all cores but one, at least one). */
  threads?: number;
}

export class ImagingPool {
  private readonly pool: Piscina;

  constructor(options: ImagingPoolOptions = {}) {
    const entry = moduleEntry(import.meta.url, './worker');
    const threads = options.threads ?? Math.max(1, availableParallelism() - 1);
    this.pool = new Piscina({
      filename: entry.file,
      execArgv: entry.execArgv,
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: 30_000,
    });
  }

  /** Processes an image file's bytes (JPEG, PNG, TIFF, …); `dpi` overrides the file's. */
  processFile(bytes: Uint8Array, profile: ProcessingProfile, dpi?: number): Promise<PageResult> {
    return this.run({ kind: 'file', bytes, profile, ...(dpi === undefined ? {} : { dpi }) });
  }

  /** Processes raw pixels; their buffer is moved to the worker (the caller's copy becomes empty). */
  processRaw(image: RawImage, profile: ProcessingProfile): Promise<PageResult> {
    const checked = assertRawImage(image);
    const whole =
      checked.data.byteOffset === 0 && checked.data.byteLength === checked.data.buffer.byteLength;
    return this.run(
      { kind: 'raw', image: checked, profile },
      whole ? [checked.data.buffer as ArrayBuffer] : [],
    );
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }

  private async run(task: PageTask, transferList: ArrayBuffer[] = []): Promise<PageResult> {
    const outcome = (await this.pool.run(task, { transferList })) as PageOutcome;
    if (outcome.ok) return outcome.result;
    const { code, message, messageVi, details } = outcome.error;
    throw new AppError(code, { vi: messageVi, en: message }, details ? { details } : {});
  }
}
