/**
 * The page pipeline: every page that lands in the store is cleaned, read and flagged, once.
 *
 * The queue is the `page_processing` table, not memory: a trigger queues a page in the same
 * transaction that lands it, this service claims at most `workers` pages at a time (so a scan of
 * 300 pages costs no more memory than one of 3, and the scanner never waits for it), and a page's
 * result — processed image, thumbnail, decisions, OCR text + search index, fields, flags —
 * commits in one transaction, only while the claim it was started under still holds. A process
 * killed mid-page leaves its claims behind; the next start puts them back in the queue, so each
 * page ends up processed exactly once. Failures are recorded with their reason and retried with
 * a growing delay up to `pipeline.maxAttempts`, then left `failed` for a person to decide.
 *
 * Original and processed image: the page row keeps the scanner's original blob for good — it is
 * the evidence of what the citizen handed in, and cleanup is lossy (binarisation, JPEG at 200
 * dpi), so a re-run with the clerk's rotation or another profile must start from it. The
 * processed image and its thumbnail are separate blobs on the processing row; PDFs, thumbnails
 * and OCR coordinates use them. A re-run replaces them and the store's GC drops the old ones.
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type {
  DossierProcessing,
  PageProcessedEvent,
  PageProcessing,
  PageState,
  Rotation,
} from '../../domain/index.js';
import { AppError, isAppError } from '../../domain/index.js';
import { ImagingPool, resolveProfile } from '../../imaging/index.js';
import { OcrEngine } from '../../ocr/index.js';
import type { TextLayerPage } from '../../pdf/index.js';
import { PageProcessingRepository } from '../../store/index.js';
import type { ClaimedPage, ProcessingRequest, Store } from '../../store/index.js';
import type { Core } from '../core.js';
import { claimIsLive, liveOwners } from './owners.js';
import { processPageWork } from './page-work.js';
import type { PageWork, PageWorkTools } from './page-work.js';

/** How often the queue is looked at without a nudge (pages landed by another process, retries). */
const POLL_MS = 1500;
const RETRY_BASE_MS = 2000;

export interface EnqueueOptions {
  /** Imaging profile: counter, bulk or archive (default: `pipeline.profile`). */
  profile?: string;
  /** Changes to the profile for these pages (validated like a profile). */
  overrides?: Record<string, unknown>;
  /** false: clean only, no OCR (bulk speed runs). Default true. */
  ocr?: boolean;
}

export interface ReprocessOptions extends EnqueueOptions {
  /**
   * Turn the page clockwise by this much from how it is shown now. The turn is recorded as the
   * clerk's rotation of the original, and orientation detection stays off for the page after it.
   */
  turn?: 90 | 180 | 270;
}

export interface WaitOptions {
  /** Give up after this long (default 10 minutes). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface PipelineSettings {
  workers: number;
  maxAttempts: number;
  defaultProfile: string;
  limits: PageWorkTools['limits'];
  ocrLanguages: readonly string[];
}

const TERMINAL: ReadonlySet<PageState> = new Set(['done', 'failed']);

export class PipelineService {
  readonly #owner = `${process.pid}:${randomUUID()}`;
  readonly #repo: PageProcessingRepository;
  readonly #imaging: ImagingPool;
  #ocr: Promise<OcrEngine> | undefined;
  readonly #inflight = new Set<Promise<void>>();
  #timer: NodeJS.Timeout | undefined;
  #unsubscribe: (() => void) | undefined;
  #closed = false;

  constructor(
    private readonly core: Core,
    readonly store: Store,
    readonly settings: PipelineSettings,
  ) {
    this.#repo = new PageProcessingRepository(store.db);
    this.#imaging = new ImagingPool({ threads: settings.workers });
  }

  /** Re-queues what dead processes left in flight and starts taking pages. */
  start(): void {
    liveOwners.add(this.#owner);
    const abandoned = this.store.transaction(() =>
      this.#repo
        .claimOwners()
        .filter((owner) => !claimIsLive(owner))
        .reduce((n, owner) => n + this.#repo.release(owner), 0),
    );
    if (abandoned > 0)
      this.core.log.info({ pages: abandoned }, 'pipeline: pages left in flight are queued again');
    // a landed page is the nudge; the poll catches pages landed by other processes, and retries
    this.#unsubscribe = this.core.events.subscribe((name) => {
      if (name === 'scan.pageAcquired') this.#pump();
    });
    this.#timer = setInterval(() => this.#pump(), POLL_MS);
    this.#timer.unref();
    this.#pump();
  }

  /**
   * Makes sure these pages are processed with these options: a page still queued takes them; a
   * page processed (or being processed) otherwise is queued again. Returns the records.
   */
  enqueue(pageIds: readonly number[], options: EnqueueOptions = {}): PageProcessing[] {
    const request = this.#request(options);
    this.store.transaction(() => {
      for (const pageId of pageIds) {
        const current = this.#repo.request(pageId);
        if (current.state === 'pending') this.#repo.setPendingRequest(pageId, request);
        else if (!sameRequest(current, request)) this.#repo.requeue(pageId, request, this.#now());
      }
    });
    this.#pump();
    return pageIds.map((id) => this.#repo.require(id));
  }

  /** Processes one page again (after a rotation, a failure, or with other settings). */
  reprocessPage(pageId: number, options: ReprocessOptions = {}): PageProcessing {
    const record = this.store.transaction(() => {
      const current = this.#repo.request(pageId);
      const request = this.#request({
        profile: options.profile ?? current.profile,
        overrides: { ...current.overrides, ...options.overrides },
        ocr: options.ocr ?? current.ocr,
      });
      if (options.turn !== undefined) {
        const page = this.store.pages.require(pageId);
        const shown = this.#shownRotation(pageId, page.rotation);
        this.store.pages.update(pageId, {
          rotation: ((shown + options.turn) % 360) as Rotation,
        });
        request.overrides = { ...request.overrides, orientation: false };
      }
      this.#repo.requeue(pageId, request, this.#now());
      return this.#repo.require(pageId);
    });
    this.#pump();
    return record;
  }

  page(pageId: number): PageProcessing {
    return this.#repo.require(pageId);
  }

  dossier(dossierId: number): DossierProcessing {
    const dossier = this.store.dossiers.require(dossierId);
    const pages = this.livePageIds(dossierId).map((id) => this.#repo.require(id));
    const counts: Record<PageState, number> = { pending: 0, processing: 0, done: 0, failed: 0 };
    for (const p of pages) counts[p.state] += 1;
    return { dossierId, MaHoSo: dossier.MaHoSo, counts, pages };
  }

  /** A dossier's pages in component, document and page order, as the store lists them. */
  livePageIds(dossierId: number): number[] {
    return this.store.dossiers
      .components(dossierId)
      .flatMap((c) => this.store.dossiers.documents(c.id))
      .flatMap((d) => this.store.pages.list(d.id).map((p) => p.id));
  }

  /** The processed image of a finished page (what PDFs embed) and its text layer, if read. */
  processedImage(pageId: number): {
    record: PageProcessing & { processed: NonNullable<PageProcessing['processed']> };
    bytes: Buffer;
    textLayer: TextLayerPage | undefined;
  } {
    const record = this.#repo.require(pageId);
    if (record.state !== 'done' || !record.processed) {
      throw new AppError(
        'PAGE_PENDING_CONFLICT',
        {
          vi: `Trang #${pageId} chưa xử lý xong (${record.state}).`,
          en: `Page #${pageId} is not processed yet (${record.state}).`,
        },
        { details: { pageId, state: record.state } },
      );
    }
    return {
      record: { ...record, processed: record.processed },
      bytes: this.store.blobs.read(record.processed.sha256),
      textLayer: this.#repo.textLayer(pageId) as TextLayerPage | undefined,
    };
  }

  thumbnail(pageId: number): Buffer {
    const record = this.#repo.require(pageId);
    if (!record.thumbnailSha256) {
      throw new AppError(
        'PAGE_PENDING_CONFLICT',
        {
          vi: `Trang #${pageId} chưa có ảnh thu nhỏ (${record.state}).`,
          en: `Page #${pageId} has no thumbnail yet (${record.state}).`,
        },
        { details: { pageId, state: record.state } },
      );
    }
    return this.store.blobs.read(record.thumbnailSha256);
  }

  /** Resolves when every page is done or failed for good. */
  async waitFor(pageIds: readonly number[], options: WaitOptions = {}): Promise<PageProcessing[]> {
    return this.#waitUntil(() => {
      const records = pageIds.map((id) => this.#repo.require(id));
      return records.every((r) => TERMINAL.has(r.state)) ? records : undefined;
    }, options);
  }

  /** Resolves when every page of the dossier is done or failed for good. */
  async waitForDossier(dossierId: number, options: WaitOptions = {}): Promise<DossierProcessing> {
    return this.#waitUntil(() => {
      const status = this.dossier(dossierId);
      return status.counts.pending + status.counts.processing === 0 ? status : undefined;
    }, options);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#timer);
    this.#unsubscribe?.();
    // claims go back first: whatever is cut short below is queued, not lost
    if (this.store.db.open) this.store.transaction(() => this.#repo.release(this.#owner));
    liveOwners.delete(this.#owner);
    await Promise.allSettled([this.#imaging.close(), this.#ocr?.then((engine) => engine.close())]);
    await Promise.allSettled([...this.#inflight]);
  }

  #request(options: EnqueueOptions): ProcessingRequest & { overrides: Record<string, unknown> } {
    const overrides = options.overrides ?? {};
    // validated now, so a bad profile is the caller's error and not a failed page later
    resolveProfile(options.profile ?? this.settings.defaultProfile, overrides);
    return {
      ...(options.profile !== undefined ? { profile: options.profile } : {}),
      overrides,
      ocr: options.ocr ?? true,
    };
  }

  /** How the page is shown now, as a clockwise rotation of the original. */
  #shownRotation(pageId: number, manual: Rotation): Rotation {
    if (manual !== 0) return manual;
    const orientation = this.#repo.get(pageId)?.cleanup?.orientation;
    // orientation.degrees is how far the scan was turned; undoing it turned the page back
    return orientation?.applied ? (((360 - orientation.degrees) % 360) as Rotation) : 0;
  }

  #now(): string {
    return new Date().toISOString();
  }

  #pump(): void {
    while (!this.#closed && this.#inflight.size < this.settings.workers) {
      const [claimed] = this.store.transaction(() => this.#repo.claim(1, this.#owner, this.#now()));
      if (!claimed) return;
      const run: Promise<void> = this.#run(claimed).finally(() => {
        this.#inflight.delete(run);
        this.#pump();
      });
      this.#inflight.add(run);
    }
  }

  #tools(): PageWorkTools {
    return {
      imaging: this.#imaging,
      ocr: () =>
        (this.#ocr ??= OcrEngine.start({
          dataDir: this.core.dataDir,
          languages: this.settings.ocrLanguages,
          workers: this.settings.workers,
        })),
      limits: this.settings.limits,
      defaultProfile: this.settings.defaultProfile,
    };
  }

  async #run(claimed: ClaimedPage): Promise<void> {
    const { pageId } = claimed;
    try {
      const { page, bytes } = this.store.readPage(pageId);
      const work = await processPageWork(page, bytes, claimed, this.#tools());
      if (this.#closed) return;
      if (this.#commit(claimed, work)) this.#publish(pageId);
    } catch (error) {
      if (this.#closed) return;
      this.#recordFailure(claimed, error);
    }
  }

  #commit(claimed: ClaimedPage, work: PageWork): boolean {
    const { pageId, generation } = claimed;
    const processed = this.store.blobs.put(work.processed.bytes);
    const thumbnail = this.store.blobs.put(work.thumbnail);
    return this.store.transaction(() => {
      if (!this.#repo.holds(pageId, generation, this.#owner)) return false;
      const now = this.#now();
      // a GC in another process may have removed identical unreferenced files meanwhile
      this.store.blobs.restore(processed.sha256, work.processed.bytes);
      this.store.blobs.restore(thumbnail.sha256, work.thumbnail);
      this.#repo.addBlobRow(processed.sha256, processed.size, now);
      this.#repo.addBlobRow(thumbnail.sha256, thumbnail.size, now);
      const page = this.store.pages.require(pageId);
      const dossierId = this.store.dossiers.dossierOfDocument(page.documentId);
      this.#repo.complete(
        pageId,
        {
          processed: { ...work.processed, sha256: processed.sha256, size: processed.size },
          thumbnail: { sha256: thumbnail.sha256, size: thumbnail.size },
          decisions: work.decisions,
          cleanup: work.cleanup,
          flags: work.flags,
          fields: work.fields,
          ...(work.ocr ? { ocrConfidence: work.ocr.confidence } : {}),
          ...(work.textLayer ? { textLayer: work.textLayer } : {}),
        },
        now,
      );
      if (work.ocr) {
        this.store.setPageOcr({ pageId, ...work.ocr });
        this.#repo.replaceFields(dossierId, pageId, work.fields);
      }
      this.store.pages.update(pageId, {
        blank: work.cleanup.blank.blank,
        needsReview: work.flags.length > 0,
      });
      return true;
    });
  }

  #recordFailure(claimed: ClaimedPage, error: unknown): void {
    const failure = isAppError(error)
      ? error
      : new AppError(
          'PIPELINE_FAILED',
          { vi: 'Xử lý trang thất bại.', en: 'Processing the page failed.' },
          { cause: error },
        );
    const retry = claimed.attempts < this.settings.maxAttempts;
    const retryAt = retry
      ? new Date(Date.now() + RETRY_BASE_MS * 2 ** (claimed.attempts - 1)).toISOString()
      : undefined;
    this.core.log.warn(
      { err: error, pageId: claimed.pageId, attempt: claimed.attempts, retry },
      'pipeline: page failed',
    );
    const recorded = this.store.transaction(() => {
      if (!this.#repo.holds(claimed.pageId, claimed.generation, this.#owner)) return false;
      const { code, message, messageVi } = failure.toJSON();
      this.#repo.fail(claimed.pageId, { code, message, messageVi }, retryAt, this.#now());
      return true;
    });
    if (recorded) this.#publish(claimed.pageId);
  }

  #publish(pageId: number): void {
    const r = this.#repo.require(pageId);
    const payload: PageProcessedEvent = {
      pageId,
      dossierId: r.dossierId,
      MaHoSo: r.MaHoSo,
      state: r.state,
      flags: r.flags,
      ...(r.ocrConfidence !== undefined ? { ocrConfidence: r.ocrConfidence } : {}),
      ...(r.error ? { error: r.error } : {}),
    };
    this.core.events.publish('pipeline.pageProcessed', payload);
  }

  #waitUntil<T>(check: () => T | undefined, options: WaitOptions): Promise<T> {
    const timeoutMs = options.timeoutMs ?? 600_000;
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearInterval(poll);
        clearTimeout(timeout);
        unsubscribe();
        options.signal?.removeEventListener('abort', onAbort);
        fn();
      };
      const test = () => {
        try {
          const value = check();
          if (value !== undefined) finish(() => resolve(value));
        } catch (error) {
          finish(() => reject(error as Error));
        }
      };
      const onAbort = () =>
        finish(() =>
          reject(
            new AppError('CANCELLED', {
              vi: 'Đã hủy chờ xử lý trang.',
              en: 'Waiting was cancelled.',
            }),
          ),
        );
      const unsubscribe = this.core.events.subscribe((name) => {
        if (name === 'pipeline.pageProcessed') test();
      });
      // other processes' results arrive through the database only
      const poll = setInterval(test, POLL_MS);
      const timeout = setTimeout(
        () =>
          finish(() =>
            reject(
              new AppError(
                'PIPELINE_TIMEOUT',
                {
                  vi: `Trang chưa xử lý xong sau ${Math.round(timeoutMs / 1000)} giây.`,
                  en: `Pages were not processed within ${Math.round(timeoutMs / 1000)} s.`,
                },
                { details: { timeoutMs } },
              ),
            ),
          ),
        timeoutMs,
      );
      options.signal?.addEventListener('abort', onAbort);
      test();
    });
  }
}

function sameRequest(a: ProcessingRequest, b: ProcessingRequest): boolean {
  return (
    a.profile === b.profile &&
    a.ocr === b.ocr &&
    JSON.stringify(a.overrides) === JSON.stringify(b.overrides)
  );
}

export function pipelineSettings(core: Core): PipelineSettings {
  const { pipeline, ocr } = core.config;
  return {
    workers: pipeline.workers || availableParallelism(),
    maxAttempts: pipeline.maxAttempts,
    defaultProfile: pipeline.profile,
    limits: { skewDegrees: pipeline.flagSkewDegrees, ocrConfidence: pipeline.flagOcrConfidence },
    ocrLanguages: ocr.languages,
  };
}
