/**
 * Scans and imports started from the UI run in the background: the call returns a session id at
 * once, and the session reports through events — each page as it lands (`scan.pageAcquired`,
 * with a thumbnail), progress, and how it ended (`scan.finished` or `scan.failed`, the latter
 * with the number of pages kept). One session at a time: a station has one scanner at the counter.
 */
import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../domain/index.js';
import type { PageAcquired } from './acquire.js';
import { acquire } from './acquire.js';
import type { PageDestination } from './destination.js';
import { importFiles, type ImportRequest } from './import/index.js';
import type { ScanService } from './service.js';
import type { ScanProgress, ScanRequestInput } from './types.js';

export interface SessionError {
  code: string;
  message: string;
  messageVi: string;
  details?: Record<string, unknown>;
}

export interface ScanEventPayloads {
  'scan.pageAcquired': PageAcquired & { sessionId: string };
  'scan.progress': ScanProgress & { sessionId: string };
  'scan.finished': {
    sessionId: string;
    kind: 'scan' | 'import';
    pages: number;
    /** Scans: the feeder ran out after the last page. */
    feederEmpty?: boolean;
    /** Imports: files that could not be read, with why. */
    failedFiles?: Array<{ file: string; error: SessionError }>;
  };
  'scan.failed': {
    sessionId: string;
    kind: 'scan' | 'import';
    error: SessionError;
    pagesKept: number;
  };
}

export type ScanEventName = keyof ScanEventPayloads;
export type PublishScanEvent = <E extends ScanEventName>(
  event: E,
  payload: ScanEventPayloads[E],
) => void;

function toSessionError(error: unknown): SessionError {
  if (isAppError(error)) return error.toJSON();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message, messageVi: `Lỗi nội bộ: ${message}` };
}

interface Running {
  abort: AbortController;
  done: Promise<void>;
}

export class ScanSessions {
  #running: { id: string; session: Running } | undefined;

  constructor(
    readonly service: ScanService,
    private readonly publish: PublishScanEvent,
  ) {
    // Pages a previous run spooled but never stored land now, reported as their own session.
    const sessionId = `recovery-${randomUUID()}`;
    service
      .recoverSpool((event) => publish('scan.pageAcquired', { ...event, sessionId }))
      .catch(() => undefined); // a failing scan folder is logged and kept, never thrown
  }

  #begin(
    kind: 'scan' | 'import',
    work: (
      id: string,
      signal: AbortSignal,
      landed: () => number,
    ) => Promise<ScanEventPayloads['scan.finished']>,
  ): {
    sessionId: string;
  } {
    if (this.#running) {
      throw new AppError(
        'SCAN_SESSION_BUSY',
        {
          vi: 'Đang có một lượt quét/nhập khác; chờ xong hoặc hủy nó trước.',
          en: 'Another scan or import is running; wait for it or cancel it first.',
        },
        { details: { sessionId: this.#running.id } },
      );
    }
    const id = randomUUID();
    const abort = new AbortController();
    let landed = 0;
    const done = work(id, abort.signal, () => ++landed)
      .then(
        (finished) => this.publish('scan.finished', finished),
        (error: unknown) =>
          this.publish('scan.failed', {
            sessionId: id,
            kind,
            error: toSessionError(error),
            pagesKept: landed,
          }),
      )
      .finally(() => {
        if (this.#running?.id === id) this.#running = undefined;
      });
    this.#running = { id, session: { abort, done } };
    return { sessionId: id };
  }

  #onPage(id: string, count: () => number) {
    return (event: PageAcquired) => {
      count();
      this.publish('scan.pageAcquired', { ...event, sessionId: id });
    };
  }

  /** Validates and starts a scan; returns once the request is accepted (not when it ends). */
  async startScan(
    overrides: Partial<ScanRequestInput>,
    destination: PageDestination,
    profile?: string,
  ): Promise<{ sessionId: string }> {
    const request = await this.service.prepare(overrides, profile);
    return this.#begin('scan', async (id, signal, count) => {
      const { result } = await this.service.run(request, destination, {
        signal,
        onProgress: (progress) => this.publish('scan.progress', { ...progress, sessionId: id }),
        onPageAcquired: this.#onPage(id, count),
      });
      return { sessionId: id, kind: 'scan', pages: result.pages, feederEmpty: result.feederEmpty };
    });
  }

  startImport(request: ImportRequest, destination: PageDestination): { sessionId: string } {
    return this.#begin('import', async (id, signal, count) => {
      const { result } = await acquire(
        importFiles(request, signal),
        destination,
        this.#onPage(id, count),
      );
      return {
        sessionId: id,
        kind: 'import',
        pages: result.pages,
        failedFiles: result.files.flatMap((f) =>
          'error' in f ? [{ file: f.file, error: f.error.toJSON() }] : [],
        ),
      };
    });
  }

  /** Cancels the running session; false when `sessionId` is not running (already ended). */
  cancel(sessionId: string): boolean {
    if (this.#running?.id !== sessionId) return false;
    this.#running.session.abort.abort();
    return true;
  }

  /** Waits for the running session to end (tests, orderly shutdown). */
  async settled(): Promise<void> {
    await this.#running?.session.done;
  }

  async close(): Promise<void> {
    this.#running?.session.abort.abort();
    await this.settled();
    await this.service.close();
  }
}
