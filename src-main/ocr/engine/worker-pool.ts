/**
 * A fixed-size pool of tesseract.js workers (each one a worker thread running the wasm core).
 * Jobs wait in FIFO order for a free worker. tesseract.js on its own would leave a job pending
 * forever if its thread died (wasm abort, out of memory), so the pool watches each thread: the
 * job on a dead thread fails with a clear error and a fresh worker takes the slot, which keeps a
 * batch of thousands of pages going.
 *
 * A worker is also retired after `recycleAfter` pages and replaced by a fresh one: a tesseract.js
 * worker's memory only grows (its wasm heap never shrinks, and its maintainers report RSS creeping
 * with reuse), which a backlog of tens of thousands of pages would turn into an exhausted PC.
 */
import type { Worker as ThreadWorker } from 'node:worker_threads';
import Tesseract from 'tesseract.js';
import { AppError } from '../../domain/index.js';
import type { OcrLanguage } from '../languages.js';
import type { TessdataLocation } from './tessdata.js';

interface Slot {
  worker: Tesseract.Worker;
  /** Fails the job running on this slot; called when its thread exits while the pool is open. */
  failJob: ((error: AppError) => void) | undefined;
  /** Pages recognised by this worker so far. */
  jobs: number;
}

/** A worker's start costs about a second; a few hundred pages keep that well under 1%. */
export const RECYCLE_AFTER_PAGES = 200;

export interface WorkerPoolOptions {
  size: number;
  languages: readonly OcrLanguage[];
  tessdata: TessdataLocation;
  startTimeoutMs?: number;
  /** Pages a worker recognises before a fresh one takes its place. */
  recycleAfter?: number;
}

export class WorkerPool {
  private readonly idle: Slot[] = [];
  private readonly waiting: Array<{
    resolve: (slot: Slot) => void;
    reject: (error: unknown) => void;
  }> = [];
  private readonly all = new Set<Slot>();
  private closed = false;

  private constructor(private readonly options: WorkerPoolOptions) {}

  static async start(options: WorkerPoolOptions): Promise<WorkerPool> {
    const pool = new WorkerPool(options);
    try {
      const slots = await Promise.all(Array.from({ length: options.size }, () => pool.spawn()));
      for (const slot of slots) pool.release(slot);
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  get size(): number {
    return this.options.size;
  }

  /** Runs `job` on the next free worker. */
  async run<T>(job: (worker: Tesseract.Worker) => Promise<T>): Promise<T> {
    const slot = await this.acquire();
    try {
      // Not Promise.race with a promise that lives as long as the thread: every race would leave a
      // reaction on it holding that page's whole OCR result until the worker is retired.
      const result = await new Promise<T>((resolve, reject) => {
        slot.failJob = reject;
        job(slot.worker)
          .then(resolve, reject)
          .finally(() => {
            slot.failJob = undefined;
          });
      });
      slot.jobs += 1;
      if (slot.jobs >= (this.options.recycleAfter ?? RECYCLE_AFTER_PAGES)) this.retire(slot);
      else this.release(slot);
      return result;
    } catch (error) {
      if (this.all.has(slot)) this.release(slot);
      throw error;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = [...this.all];
    this.all.clear();
    this.idle.length = 0;
    for (const w of this.waiting.splice(0)) w.reject(closedError());
    // a terminated tesseract.js worker never settles its job: fail the running ones here, or a
    // caller awaiting its page (the pipeline's shutdown does) would wait forever
    for (const s of slots) s.failJob?.(closedError());
    // a job that has just started is still handing its image to tesseract.js (microtasks), which
    // leaves an unhandled rejection if the worker is gone by then: let it post the page first
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private acquire(): Promise<Slot> {
    if (this.closed) return Promise.reject(closedError());
    const slot = this.idle.pop();
    if (slot) return Promise.resolve(slot);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(slot: Slot): void {
    if (this.closed) return;
    const next = this.waiting.shift();
    if (next) next.resolve(slot);
    else this.idle.push(slot);
  }

  /** Stops a worker that is not dead (its exit is then not a failure) and starts its successor. */
  private retire(slot: Slot): void {
    if (this.closed || !this.all.delete(slot)) return;
    void slot.worker.terminate().catch(() => undefined);
    this.replace();
  }

  private async spawn(): Promise<Slot> {
    const { languages, tessdata, startTimeoutMs = 120_000 } = this.options;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(startError('timed out', { startTimeoutMs })), startTimeoutMs);
    });
    try {
      const worker = await Promise.race([
        Tesseract.createWorker([...languages], Tesseract.OEM.LSTM_ONLY, {
          langPath: tessdata.langPath,
          gzip: false,
          cacheMethod: 'none', // the files are unpacked already (see tessdata.ts)
          // without a handler tesseract.js rethrows job failures as uncaught exceptions
          errorHandler: () => undefined,
        }),
        timeout,
      ]);
      // tesseract.js exposes the thread on the worker object, though its typings do not say so
      const thread = (worker as unknown as { worker: ThreadWorker }).worker;
      const slot: Slot = { worker, failJob: undefined, jobs: 0 };
      thread.once('exit', (exitCode) => {
        if (this.closed || !this.all.delete(slot)) return;
        const idleAt = this.idle.indexOf(slot);
        if (idleAt >= 0) this.idle.splice(idleAt, 1);
        slot.failJob?.(
          new AppError(
            'INTERNAL',
            {
              vi: 'Tiến trình nhận dạng chữ bị dừng đột ngột; trang cần được nhận dạng lại.',
              en: 'The OCR worker stopped unexpectedly; the page must be recognised again.',
            },
            { details: { exitCode } },
          ),
        );
        this.replace();
      });
      this.all.add(slot);
      return slot;
    } catch (error) {
      throw error instanceof AppError ? error : startError(String(error), {});
    } finally {
      clearTimeout(timer);
    }
  }

  private replace(): void {
    this.spawn().then(
      (slot) => this.release(slot),
      (error: unknown) => {
        // the pool shrinks by one; jobs still run on the remaining workers, if any are left
        if (this.all.size === 0) for (const w of this.waiting.splice(0)) w.reject(error);
      },
    );
  }
}

function startError(reason: string, details: Record<string, unknown>): AppError {
  return new AppError(
    'UNAVAILABLE',
    {
      vi: `Không khởi động được bộ nhận dạng chữ (${reason}).`,
      en: `Could not start the OCR engine (${reason}).`,
    },
    { details },
  );
}

function closedError(): AppError {
  return new AppError('CANCELLED', {
    vi: 'Bộ nhận dạng chữ đã đóng.',
    en: 'The OCR engine has been closed.',
  });
}
