/**
 * Bulk digitization jobs over a store: create one from a folder, run it (page by page, resumable
 * after any kill), report where it stands.
 *
 * Exactly once: a page's bytes go to the blob store first; its row, its dossier and the file's
 * cursor then commit in one transaction. A kill before the commit leaves only an unreferenced
 * blob (GC removes it) and the page lands on the next run; after it, the cursor skips the page.
 */
import { resolve } from 'node:path';
import { AppError, type BatchJob, type BatchStatus, type Separation } from '../../domain/index.js';
import { DEFAULT_IMPORT_DPI, importFiles } from '../../scan/index.js';
import type { Store } from '../../store/index.js';
import { parseJobName, parseNewJob } from './input.js';
import { JobRepository } from './job-repository.js';
import { ProgressMeter, type Progress } from './progress.js';
import { dossierCodeOnPage } from './qr.js';
import { isBlankSheet } from './blank.js';
import { place, type PageMarks } from './separation.js';
import { listSourceFiles } from './source-files.js';

const ACTOR = 'batch';

function stamp(): string {
  return new Date().toISOString();
}

async function marksOf(separation: Separation, bytes: Uint8Array): Promise<PageMarks> {
  if (separation.kind === 'qr') {
    const code = await dossierCodeOnPage(bytes);
    return code === undefined ? {} : { code };
  }
  if (separation.kind === 'blank') return { blank: await isBlankSheet(bytes) };
  return {};
}

function requireJob(repo: JobRepository, name: string): BatchJob {
  const job = repo.byName(parseJobName(name));
  if (!job) {
    throw new AppError(
      'NOT_FOUND',
      { vi: `Không có lô số hoá "${name}"`, en: `No batch job named "${name}"` },
      { details: { name } },
    );
  }
  return job;
}

/** Records a job and the files of its source folder, in order; bad extensions are listed as bad. */
export async function createJob(store: Store, input: unknown): Promise<BatchStatus> {
  const { name, source, separator } = parseNewJob(input);
  const folder = resolve(source);
  const files = await listSourceFiles(folder);
  const repo = new JobRepository(store.db);
  store.transaction(() => {
    if (repo.byName(name)) {
      throw new AppError(
        'CONFLICT',
        { vi: `Đã có lô số hoá tên "${name}"`, en: `A batch job named "${name}" already exists` },
        { details: { name } },
      );
    }
    const now = stamp();
    const jobId = repo.insertJob(name, folder, separator, now);
    files.forEach((f, i) =>
      repo.insertFile(jobId, i + 1, {
        path: f.path,
        size: f.size,
        ...(f.problem
          ? { error: { code: f.problem.code, vi: f.problem.messageVi, en: f.problem.message } }
          : {}),
      }),
    );
    store.audit.append(
      {
        actor: ACTOR,
        action: 'batch.create',
        details: { name, source: folder, files: files.length },
      },
      now,
    );
  });
  return jobStatus(store, name);
}

export interface RunOptions {
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

/** Lands every page not landed yet, in file order; a bad file is recorded and skipped. */
export async function runJob(
  store: Store,
  name: string,
  options: RunOptions = {},
): Promise<BatchStatus> {
  const repo = new JobRepository(store.db);
  const job = requireJob(repo, name);
  store.transaction(() => repo.setState(job.id, 'running', stamp()));
  const all = repo.files(job.id);
  const pending = all.filter((f) => f.state === 'pending');
  const meter = new ProgressMeter(
    all.length,
    all.length - pending.length,
    all.reduce((n, f) => n + f.pagesLanded, 0),
  );
  for (const file of pending) {
    const already = repo.pagesLanded(file.id);
    const pages = importFiles(
      { files: [resolve(job.source, file.path)], dpi: DEFAULT_IMPORT_DPI },
      options.signal,
    );
    let filePage = 0;
    let step = await pages.next();
    while (!step.done) {
      const page = step.value;
      filePage += 1;
      if (filePage > already) {
        const marks = await marksOf(job.separation, page.bytes);
        const blob = store.blobs.put(page.bytes);
        store.transaction(() => {
          // Another runner of the same job may have landed it meanwhile.
          if (repo.pagesLanded(file.id) >= filePage) return;
          const now = stamp();
          store.blobs.restore(blob.sha256, page.bytes);
          repo.insertBlobRow(blob.sha256, blob.size, now);
          const previous = repo.cursor(job.id);
          const placement = place(job.separation, previous, marks);
          repo.insertPage({
            jobId: job.id,
            fileId: file.id,
            filePage,
            seq: (previous?.seq ?? 0) + 1,
            dossierId: repo.dossierAt(job.id, placement.position, placement.MaHoSo),
            separator: placement.separator,
            blank: placement.blank,
            blobSha256: blob.sha256,
            mime: page.mime,
            width: page.width,
            height: page.height,
            dpi: page.dpi,
            now,
          });
        });
        meter.page();
        options.onProgress?.(meter.snapshot());
      }
      step = await pages.next();
    }
    const failure = step.value.files[0];
    const error = failure && 'error' in failure ? failure.error : undefined;
    store.transaction(() =>
      repo.finishFile(
        file.id,
        error ? { code: error.code, vi: error.messageVi, en: error.message } : undefined,
      ),
    );
    meter.file();
    options.onProgress?.(meter.snapshot());
  }
  store.transaction(() => {
    const now = stamp();
    repo.setState(job.id, 'done', now);
    const status = jobStatus(store, name);
    store.audit.append(
      {
        actor: ACTOR,
        action: 'batch.done',
        details: {
          name,
          pages: status.pages,
          dossiers: status.dossiers,
          badFiles: status.files.bad,
        },
      },
      now,
    );
  });
  return jobStatus(store, name);
}

export function jobStatus(store: Store, name: string): BatchStatus {
  const repo = new JobRepository(store.db);
  const job = requireJob(repo, name);
  const files = repo.files(job.id);
  const dossierList = repo.dossiers(job.id);
  // A trailing separator sheet opens a dossier that never gets content: not a dossier.
  const separated = dossierList.filter((d) => d.position > 0 && d.contentPages > 0);
  const seen = new Map<string, number>();
  for (const d of separated) if (d.MaHoSo) seen.set(d.MaHoSo, (seen.get(d.MaHoSo) ?? 0) + 1);
  return {
    job,
    files: {
      total: files.length,
      pending: files.filter((f) => f.state === 'pending').length,
      done: files.filter((f) => f.state === 'done').length,
      bad: files.filter((f) => f.state === 'bad').length,
    },
    pages: files.reduce((n, f) => n + f.pagesLanded, 0),
    dossiers: separated.length,
    reviewPages: dossierList.find((d) => d.position === 0)?.pages ?? 0,
    repeatedCodes: [...seen].filter(([, n]) => n > 1).map(([code]) => code),
    badFiles: files.flatMap((f) =>
      f.error ? [{ path: f.path, pagesLanded: f.pagesLanded, ...f.error }] : [],
    ),
    dossierList,
  };
}

/** Landed pages in job order, each with its dossier position (0: review bin). */
export function jobPages(store: Store, name: string) {
  const repo = new JobRepository(store.db);
  return repo.pages(requireJob(repo, name).id);
}

/** Every job of the store, newest first. */
export function listJobs(store: Store): BatchJob[] {
  return new JobRepository(store.db).list();
}
