/**
 * The worker pool the pipeline runs in (piscina). Errors thrown in a worker arrive as plain
 * objects; they are turned back into AppError so callers see the same codes and messages.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { AppError, isAppError } from '../../domain/index.js';
import { moduleEntry } from '../../platform/index.js';
import { assertRawImage } from '../raw.js';
import type { RawImage } from '../raw.js';
import type { ProcessingProfile } from './profile.js';
import type { PageResult, PageTask } from './worker.js';

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
    const transfer =
      checked.data.byteOffset === 0 && checked.data.byteLength === checked.data.buffer.byteLength
        ? [checked.data.buffer as ArrayBuffer]
        : [];
    return this.run({ kind: 'raw', image: checked, profile }, transfer);
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }

  private async run(task: PageTask, transferList: ArrayBuffer[] = []): Promise<PageResult> {
    try {
      return (await this.pool.run(task, { transferList })) as PageResult;
    } catch (error) {
      throw revive(error);
    }
  }
}

/** AppError crossing the thread boundary loses its class; rebuild it from its fields. */
function revive(error: unknown): unknown {
  if (isAppError(error)) return error;
  if (error instanceof Error && error.name === 'AppError') {
    const e = error as Error & {
      code?: string;
      messageVi?: string;
      details?: Record<string, unknown>;
    };
    return new AppError(
      e.code ?? 'INTERNAL',
      { vi: e.messageVi ?? e.message, en: e.message },
      { ...(e.details ? { details: e.details } : {}) },
    );
  }
  return error;
}
