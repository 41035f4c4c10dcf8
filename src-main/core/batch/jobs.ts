/**
 * Bulk digitization jobs over a store: create one, run it (resumable after any kill), report
 * where it stands. Landing is `Lander`'s; where files come from is the source's (a folder
 * snapshotted at creation, a hot folder watched while the run lasts).
 */
import { resolve } from 'node:path';
import {
  AppError,
  DEFAULT_PATCH_SEPARATION,
  type BatchJob,
  type BatchStatus,
  type PatchType,
} from '../../domain/index.js';
import type { Store } from '../../store/index.js';
import { ensureCatalog } from '../dossiers/index.js';
import type { PipelineService } from '../pipeline/index.js';
import { parseJobName, parseNewJob, resolveSeparation } from './input.js';
import { JobRepository } from './job-repository.js';
import { QaRepository } from './qa-repository.js';
import { BATCH_ACTOR, BATCH_PROFILE, Lander, type LandableJob } from './landing.js';
import { ProgressMeter, type Progress } from './progress.js';
import { listSourceFiles } from './source-files.js';
import {
  registerWritten,
  watchHotFolder,
  type HotFolderHooks,
  type HotFolderOptions,
} from './hot-folder.js';
import { jobSpoolDir } from './spool.js';

function stamp(): string {
  return new Date().toISOString();
}

export function requireJob(repo: JobRepository, name: string): BatchJob {
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

function landable(job: BatchJob): LandableJob {
  if (job.MaTTHC && job.agency) return { ...job, MaTTHC: job.MaTTHC, agency: job.agency };
  throw new AppError(
    'CONFLICT',
    {
      vi: `Lô "${job.name}" tạo bởi phiên bản cũ, chưa có thủ tục và đơn vị: hãy tạo lại lô`,
      en: `Job "${job.name}" was created by an older version without procedure and agency: create it again`,
    },
    { details: { name: job.name } },
  );
}

export interface JobDefaults {
  /** The station's agency (config agency.code), for jobs that name none. */
  agency?: string;
  /** config batch.qaSamplePercent */
  samplePercent: number;
  /** config batch.patchDossier and batch.patchComponent, for patch jobs that name none. */
  patch?: { dossier: readonly PatchType[]; component: readonly PatchType[] };
}

/**
 * Records a job. A folder's files are snapshotted now, in order (bad extensions listed as bad);
 * a hot folder's files are registered as they arrive while the job runs.
 */
export async function createJob(
  store: Store,
  input: unknown,
  defaults: JobDefaults,
): Promise<BatchStatus> {
  const spec = parseNewJob(input);
  const agency = spec.agency ?? defaults.agency;
  if (!agency) {
    throw new AppError('VALIDATION', {
      vi: 'Chưa có mã đơn vị tiếp nhận: đặt agency.code trong cấu hình hoặc cho --agency',
      en: 'No receiving agency: set agency.code in the configuration or give --agency',
    });
  }
  ensureCatalog(store);
  const procedure = store.catalog.requireProcedure(spec.MaTTHC);
  if (procedure.ThanhPhanHoSo.length === 0) {
    throw new AppError(
      'VALIDATION',
      {
        vi: `Thủ tục ${spec.MaTTHC} không có thành phần hồ sơ để xếp trang vào`,
        en: `Procedure ${spec.MaTTHC} has no components to file pages under`,
      },
      { details: { MaTTHC: spec.MaTTHC } },
    );
  }
  const source = spec.sourceKind === 'scanner' ? spec.source : resolve(spec.source);
  const files = spec.sourceKind === 'folder' ? await listSourceFiles(source) : [];
  if (spec.sourceKind === 'hotfolder') await listSourceFiles(source); // the folder must exist
  const repo = new JobRepository(store.db);
  store.transaction(() => {
    if (repo.byName(spec.name)) {
      throw new AppError(
        'CONFLICT',
        {
          vi: `Đã có lô số hoá tên "${spec.name}"`,
          en: `A batch job named "${spec.name}" already exists`,
        },
        { details: { name: spec.name } },
      );
    }
    const now = stamp();
    const jobId = repo.insertJob(
      {
        name: spec.name,
        source,
        sourceKind: spec.sourceKind,
        separation: resolveSeparation(spec.separator, defaults.patch ?? DEFAULT_PATCH_SEPARATION),
        components: spec.components,
        processing: spec.processing,
        MaTTHC: procedure.MaTTHC,
        agency,
        samplePercent: spec.samplePercent ?? defaults.samplePercent,
        ...(spec.unitLevel
          ? {
              unit: {
                level: spec.unitLevel,
                ...(spec.backlog !== undefined ? { backlog: spec.backlog } : {}),
              },
            }
          : {}),
      },
      now,
    );
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
        actor: BATCH_ACTOR,
        action: 'batch.create',
        details: { name: spec.name, source, sourceKind: spec.sourceKind, files: files.length },
      },
      now,
    );
  });
  return jobStatus(store, spec.name);
}

export interface RunOptions {
  onProgress?: (progress: Progress) => void;
  /**
   * Aborts a folder or scanner job (it resumes later); stops watching a hot folder (what it took
   * is still processed).
   */
  signal?: AbortSignal;
  /** Processes the landed pages as they land and waits for them; absent: they stay queued. */
  pipeline?: PipelineService;
  hotFolder?: HotFolderOptions;
}

/** Lands every page not landed yet, in file order; a bad file is recorded and skipped. */
export async function runJob(
  store: Store,
  name: string,
  options: RunOptions = {},
): Promise<BatchStatus> {
  const repo = new JobRepository(store.db);
  const job = landable(requireJob(repo, name));
  store.transaction(() => repo.setState(job.id, 'running', stamp()));
  const all = repo.files(job.id);
  const meter = new ProgressMeter(
    all.length,
    all.filter((f) => f.state !== 'pending').length,
    all.reduce((n, f) => n + f.pagesLanded, 0),
  );
  const folder = job.sourceKind === 'scanner' ? jobSpoolDir(store.dataDir, job.id) : job.source;
  const lander = new Lander(store, repo, job, folder);
  const report = () => options.onProgress?.(meter.snapshot());
  // The pipeline works while pages land; its progress is read once a second, not per page.
  const tick = () => {
    const c = repo.processingCounts(job.id);
    meter.setProcessed(c.done + c.failed, c.pending + c.processing + c.done + c.failed);
    report();
  };
  const ticker = options.pipeline ? setInterval(tick, 1000) : undefined;
  const landPending = async (signal?: AbortSignal) => {
    await lander.landFiles(repo.files(job.id, 'pending'), meter, report, signal);
    report();
  };
  const arrivals: HotFolderHooks = {
    known: (path) => repo.hasFile(job.id, path),
    register: (file) =>
      store.transaction(() => {
        repo.insertFile(job.id, repo.nextFilePosition(job.id), file);
        meter.addFiles(1);
      }),
    land: () => landPending(),
  };
  try {
    if (job.sourceKind === 'hotfolder') {
      await watchHotFolder(job.source, arrivals, {
        ...options.hotFolder,
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } else {
      // A scanner job lands what its ADF runs wrote to its spool (also after a kill mid-run).
      if (job.sourceKind === 'scanner') await registerWritten(folder, arrivals);
      await landPending(options.signal);
    }
    if (options.pipeline) {
      // Stopping a hot folder ends the watch, not the processing of what it took.
      const signal = job.sourceKind === 'hotfolder' ? undefined : options.signal;
      await processLanded(store, repo, job, options.pipeline, signal);
      tick();
    }
  } finally {
    clearInterval(ticker);
  }
  store.transaction(() => {
    const now = stamp();
    repo.setState(job.id, 'done', now);
    const status = jobStatus(store, name);
    store.audit.append(
      {
        actor: BATCH_ACTOR,
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

/** Hands the job's store pages to the pipeline (with the job's request) and waits for them. */
async function processLanded(
  store: Store,
  repo: JobRepository,
  job: LandableJob,
  pipeline: PipelineService,
  signal?: AbortSignal,
): Promise<void> {
  const pageIds = repo.storePageIds(job.id);
  pipeline.enqueue(pageIds, { profile: BATCH_PROFILE, ocr: job.processing === 'ocr' });
  await pipeline.waitFor(pageIds, {
    timeoutMs: Math.max(600_000, pageIds.length * 30_000),
    ...(signal ? { signal } : {}),
  });
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
    processing: repo.processingCounts(job.id),
    flags: repo.flagCounts(job.id),
    qa: new QaRepository(store.db).summary(job.id),
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
