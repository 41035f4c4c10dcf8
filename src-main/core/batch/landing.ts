/**
 * Landing a job's pending files, page by page, exactly once.
 *
 * A page's bytes go to the blob store first; then, in one transaction: its batch row, the file's
 * cursor, the store dossier its separator opened (created with its first content page), its store
 * page (which enters the page pipeline by trigger, with the job's processing request set in the
 * same transaction) and its QA draw. A kill before the commit leaves only an unreferenced blob
 * (GC removes it) and the page lands on the next run; after it, the cursor skips the page.
 */
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { AppError, BatchFile, BatchJob, Separation } from '../../domain/index.js';
import { DEFAULT_IMPORT_DPI, importFiles, type AcquiredImage } from '../../scan/index.js';
import { PageProcessingRepository, type Store } from '../../store/index.js';
import { dossierCodeOnPage } from './barcode.js';
import { isBlankSheet } from './blank.js';
import { patchCodeOnPage } from './patch.js';
import type { JobRepository } from './job-repository.js';
import type { ProgressMeter } from './progress.js';
import { isSampled } from './sampling.js';
import { place, type PageMarks } from './separation.js';
import { createStoreDossier } from './store-dossier.js';

export const BATCH_ACTOR = 'batch';
/** The imaging profile for bulk pages (the pipeline's fast, uniform settings). */
export const BATCH_PROFILE = 'bulk';

export type LandableJob = BatchJob & { MaTTHC: string; agency: string };

/** Pages decoded ahead of the one being committed (bounded: memory stays flat). */
const READ_AHEAD = 2;

type ReadItem =
  | { kind: 'page'; file: BatchFile; filePage: number; page: AcquiredImage }
  | { kind: 'end'; file: BatchFile; error?: AppError };

/** Keeps up to `n` requests in flight on an async iterator, handing results back in order. */
function lookahead<T>(source: AsyncIterator<T>, n: number): AsyncIterator<T> {
  const queue: Array<Promise<IteratorResult<T>>> = [];
  let ended = false;
  const fill = () => {
    while (!ended && queue.length < n) {
      const next = source.next();
      queue.push(next);
      next.then(
        (r) => {
          if (r.done) ended = true;
        },
        () => {
          ended = true;
        },
      );
    }
  };
  return {
    next: () => {
      fill();
      const head = queue.shift() as Promise<IteratorResult<T>>;
      fill();
      return head;
    },
  };
}

/**
 * What separation needs to know of the page. `afterSheet`: the page before it was a separator
 * sheet, so in a patch job this one may be its blank back (only then is blankness worth its cost).
 */
async function marksOf(job: BatchJob, bytes: Uint8Array, afterSheet: boolean): Promise<PageMarks> {
  const separation: Separation = job.separation;
  const marks: PageMarks = {};
  if (separation.kind === 'qr') {
    const code = await dossierCodeOnPage(bytes);
    if (code !== undefined) marks.code = code;
  }
  if (separation.kind === 'patch') {
    const patch = await patchCodeOnPage(bytes);
    if (patch !== undefined) marks.patch = patch;
  }
  const sheetBack = separation.kind === 'patch' && afterSheet && marks.patch === undefined;
  if (separation.kind === 'blank' || job.components === 'blank' || sheetBack)
    marks.blank = await isBlankSheet(bytes);
  return marks;
}

export class Lander {
  readonly #processing: PageProcessingRepository;

  constructor(
    private readonly store: Store,
    private readonly repo: JobRepository,
    private readonly job: LandableJob,
    /** Where the job's file paths are relative to. */
    private readonly folder: string,
    private readonly station: string = hostname(),
  ) {
    this.#processing = new PageProcessingRepository(store.db);
  }

  /**
   * Lands what is left of these files, in order; each is recorded done, or bad with the reader's
   * error. Files are read a few pages ahead of landing: decoding (sharp's thread pool) overlaps
   * the fsyncs of the page being committed, while commits stay strictly in order.
   */
  async landFiles(
    files: readonly BatchFile[],
    meter: ProgressMeter,
    onPage: () => void,
    signal?: AbortSignal,
  ): Promise<void> {
    const ahead = lookahead(this.#read(files, signal), READ_AHEAD);
    let already = 0;
    for (let step = await ahead.next(); !step.done; step = await ahead.next()) {
      const item = step.value;
      if (item.kind === 'page') {
        if (item.filePage === 1) already = this.repo.pagesLanded(item.file.id);
        if (item.filePage <= already) continue;
        await this.#landPage(item.file, item.filePage, item.page);
        meter.page();
        onPage();
        continue;
      }
      const { file, error } = item;
      this.store.transaction(() =>
        this.repo.finishFile(
          file.id,
          error ? { code: error.code, vi: error.messageVi, en: error.message } : undefined,
        ),
      );
      meter.file();
      onPage();
    }
  }

  /** The files' pages in order, each file closed by its outcome. */
  async *#read(files: readonly BatchFile[], signal?: AbortSignal): AsyncGenerator<ReadItem> {
    for (const file of files) {
      const pages = importFiles(
        { files: [resolve(this.folder, file.path)], dpi: DEFAULT_IMPORT_DPI },
        signal,
      );
      let filePage = 0;
      let step = await pages.next();
      while (!step.done) {
        yield { kind: 'page', file, filePage: ++filePage, page: step.value };
        step = await pages.next();
      }
      const failure = step.value.files[0];
      yield {
        kind: 'end',
        file,
        ...(failure && 'error' in failure ? { error: failure.error } : {}),
      };
    }
  }

  async #landPage(file: BatchFile, filePage: number, page: AcquiredImage): Promise<void> {
    const { store, repo, job } = this;
    // Read outside the transaction like the marks; another runner landing meanwhile is caught below.
    const afterSheet = repo.cursor(job.id)?.lastBlank === true;
    const marks = await marksOf(job, page.bytes, afterSheet);
    const blob = store.blobs.put(page.bytes);
    store.transaction(() => {
      // Another runner of the same job may have landed it meanwhile.
      if (repo.pagesLanded(file.id) >= filePage) return;
      const now = new Date();
      const stamp = now.toISOString();
      store.blobs.restore(blob.sha256, page.bytes);
      repo.insertBlobRow(blob.sha256, blob.size, stamp);
      const previous = repo.cursor(job.id);
      const placement = place(job.separation, job.components, previous, marks);
      const seq = (previous?.seq ?? 0) + 1;
      const target = repo.dossierAt(job.id, placement.position, placement.MaHoSo);
      let pageId: number | null = null;
      if (placement.component !== null) {
        let dossierId = target.storeDossierId;
        if (dossierId === null) {
          dossierId = createStoreDossier(store, job, placement.MaHoSo, BATCH_ACTOR, now);
          repo.linkStoreDossier(target.id, dossierId);
        }
        const components = store.dossiers.components(dossierId);
        // More component separators than the procedure has components: the rest go to the last.
        const component = components[Math.min(placement.component, components.length) - 1];
        if (!component) throw new Error(`dossier ${dossierId} has no components`);
        pageId = store.addPage({
          componentId: component.id,
          bytes: page.bytes,
          mime: page.mime,
          width: page.width,
          height: page.height,
          dpi: page.dpi,
        }).id;
        this.#processing.setPendingRequest(pageId, {
          profile: BATCH_PROFILE,
          overrides: {},
          ocr: job.processing === 'ocr',
        });
      }
      repo.insertPage({
        jobId: job.id,
        fileId: file.id,
        filePage,
        seq,
        dossierId: target.id,
        separator: placement.separator,
        blank: placement.blank,
        blobSha256: blob.sha256,
        mime: page.mime,
        width: page.width,
        height: page.height,
        dpi: page.dpi,
        pageId,
        component: placement.component,
        station: this.station,
        sampled: pageId !== null && isSampled(job.id, seq, job.samplePercent),
        now: stamp,
      });
    });
  }
}
