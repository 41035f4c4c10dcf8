/**
 * SQL for batch jobs (tables of migration 500). Single statements; the runner groups the ones
 * that must commit together in `store.transaction`.
 */
import type { Db } from '../../store/index.js';
import type {
  BatchDossier,
  BatchFile,
  BatchJob,
  BatchProcessing,
  ComponentSplit,
  FileState,
  JobState,
  PageFlag,
  PageState,
  PatchType,
  Separation,
  SourceKind,
  UnitLevel,
} from '../../domain/index.js';

interface JobRow {
  id: number;
  name: string;
  source: string;
  separator: 'qr' | 'blank' | 'count';
  pages_per_dossier: number | null;
  state: JobState;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  MaTTHC: string | null;
  agency: string | null;
  components: ComponentSplit;
  processing: BatchProcessing;
  source_kind: SourceKind;
  sample_percent: number;
  unit_level: UnitLevel | null;
  backlog: number | null;
  /** Patch jobs (separator 'blank'): comma-separated patch types. */
  patch_dossier: string | null;
  patch_component: string | null;
}

/** A job as `insertJob` records it. */
export type JobSpec = Pick<
  BatchJob,
  | 'name'
  | 'source'
  | 'sourceKind'
  | 'separation'
  | 'components'
  | 'processing'
  | 'samplePercent'
  | 'unit'
> & { MaTTHC: string; agency: string };

interface FileRow {
  id: number;
  position: number;
  path: string;
  size: number;
  state: FileState;
  pages_landed: number;
  error_code: string | null;
  error_vi: string | null;
  error_en: string | null;
}

/** A landed page in job order: its file, its dossier position (0: review bin), its store page. */
export interface BatchPageRow {
  seq: number;
  dossier: number;
  path: string;
  filePage: number;
  blobSha256: string;
  /** Null for review-bin pages and blank separator sheets. */
  pageId: number | null;
  component: number | null;
}

/** Where separation stands after the last landed page. */
export interface Cursor {
  seq: number;
  dossierId: number;
  dossierPosition: number;
  MaHoSo: string | null;
  pagesInDossier: number;
  /** Pages of the dossier that are not blank separator sheets. */
  contentPages: number;
  /** Highest component position of the dossier's content pages; null before the first. */
  component: number | null;
  /** The last landed page was a blank sheet. */
  lastBlank: boolean;
}

function toJob(r: JobRow): BatchJob {
  return {
    id: r.id,
    name: r.name,
    source: r.source,
    sourceKind: r.source_kind,
    components: r.components,
    processing: r.processing,
    samplePercent: r.sample_percent,
    ...(r.MaTTHC ? { MaTTHC: r.MaTTHC } : {}),
    ...(r.agency ? { agency: r.agency } : {}),
    ...(r.unit_level
      ? { unit: { level: r.unit_level, ...(r.backlog ? { backlog: r.backlog } : {}) } }
      : {}),
    separation: separationOf(r),
    state: r.state,
    createdAt: r.created_at,
    ...(r.started_at ? { startedAt: r.started_at } : {}),
    ...(r.finished_at ? { finishedAt: r.finished_at } : {}),
  };
}

function separationOf(r: JobRow): Separation {
  if (r.separator === 'count') return { kind: 'count', pages: r.pages_per_dossier ?? 1 };
  if (r.separator === 'blank' && r.patch_dossier !== null) {
    const types = (list: string | null) => (list ? (list.split(',') as PatchType[]) : []);
    return {
      kind: 'patch',
      dossier: types(r.patch_dossier),
      component: types(r.patch_component),
    };
  }
  return { kind: r.separator };
}

function toFile(r: FileRow): BatchFile {
  return {
    id: r.id,
    position: r.position,
    path: r.path,
    size: r.size,
    state: r.state,
    pagesLanded: r.pages_landed,
    ...(r.error_code
      ? { error: { code: r.error_code, vi: r.error_vi ?? '', en: r.error_en ?? '' } }
      : {}),
  };
}

export class JobRepository {
  constructor(private readonly db: Db) {}

  insertJob(job: JobSpec, now: string): number {
    const { separation } = job;
    return Number(
      this.db
        .prepare(
          `INSERT INTO batch_jobs (name, source, source_kind, separator, pages_per_dossier, components,
                                   processing, MaTTHC, agency, sample_percent, unit_level, backlog, created_at,
                                   patch_dossier, patch_component)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          job.name,
          job.source,
          job.sourceKind,
          // a patch job is a separator-sheet job (migration 502)
          separation.kind === 'patch' ? 'blank' : separation.kind,
          separation.kind === 'count' ? separation.pages : null,
          job.components,
          job.processing,
          job.MaTTHC,
          job.agency,
          job.samplePercent,
          job.unit?.level ?? null,
          job.unit?.backlog ?? null,
          now,
          separation.kind === 'patch' ? separation.dossier.join(',') : null,
          separation.kind === 'patch' ? separation.component.join(',') : null,
        ).lastInsertRowid,
    );
  }

  /** The next file position of a job (a hot folder appends files as they arrive). */
  nextFilePosition(jobId: number): number {
    return (
      this.db
        .prepare('SELECT coalesce(max(position), 0) + 1 AS n FROM batch_files WHERE job_id = ?')
        .get(jobId) as { n: number }
    ).n;
  }

  hasFile(jobId: number, path: string): boolean {
    return (
      this.db
        .prepare('SELECT 1 FROM batch_files WHERE job_id = ? AND path = ?')
        .get(jobId, path) !== undefined
    );
  }

  insertFile(
    jobId: number,
    position: number,
    file: { path: string; size: number; error?: { code: string; vi: string; en: string } },
  ): void {
    this.db
      .prepare(
        'INSERT INTO batch_files (job_id, position, path, size, state, error_code, error_vi, error_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        jobId,
        position,
        file.path,
        file.size,
        file.error ? 'bad' : 'pending',
        file.error?.code ?? null,
        file.error?.vi ?? null,
        file.error?.en ?? null,
      );
  }

  list(): BatchJob[] {
    return (this.db.prepare('SELECT * FROM batch_jobs ORDER BY id DESC').all() as JobRow[]).map(
      toJob,
    );
  }

  byName(name: string): BatchJob | undefined {
    const row = this.db.prepare('SELECT * FROM batch_jobs WHERE name = ?').get(name) as
      JobRow | undefined;
    return row && toJob(row);
  }

  setState(jobId: number, state: JobState, now: string): void {
    const column = state === 'running' ? 'started_at' : 'finished_at';
    this.db
      .prepare(`UPDATE batch_jobs SET state = ?, ${column} = COALESCE(${column}, ?) WHERE id = ?`)
      .run(state, now, jobId);
  }

  files(jobId: number, state?: FileState): BatchFile[] {
    const rows = (
      state
        ? this.db
            .prepare('SELECT * FROM batch_files WHERE job_id = ? AND state = ? ORDER BY position')
            .all(jobId, state)
        : this.db.prepare('SELECT * FROM batch_files WHERE job_id = ? ORDER BY position').all(jobId)
    ) as FileRow[];
    return rows.map(toFile);
  }

  pagesLanded(fileId: number): number {
    return (
      this.db.prepare('SELECT pages_landed FROM batch_files WHERE id = ?').get(fileId) as {
        pages_landed: number;
      }
    ).pages_landed;
  }

  finishFile(fileId: number, error?: { code: string; vi: string; en: string }): void {
    this.db
      .prepare(
        'UPDATE batch_files SET state = ?, error_code = ?, error_vi = ?, error_en = ? WHERE id = ?',
      )
      .run(
        error ? 'bad' : 'done',
        error?.code ?? null,
        error?.vi ?? null,
        error?.en ?? null,
        fileId,
      );
  }

  cursor(jobId: number): Cursor | undefined {
    const row = this.db
      .prepare(
        `SELECT p.seq AS seq, d.id AS dossierId, d.position AS dossierPosition, d.MaHoSo AS MaHoSo,
                (SELECT count(*) FROM batch_pages q WHERE q.dossier_id = d.id) AS pagesInDossier,
                (SELECT count(*) FROM batch_pages q WHERE q.dossier_id = d.id AND q.blank = 0) AS contentPages,
                (SELECT max(component) FROM batch_pages q WHERE q.dossier_id = d.id) AS component,
                p.blank AS lastBlank
           FROM batch_pages p JOIN batch_dossiers d ON d.id = p.dossier_id
          WHERE p.job_id = ? ORDER BY p.seq DESC LIMIT 1`,
      )
      .get(jobId) as (Omit<Cursor, 'lastBlank'> & { lastBlank: number }) | undefined;
    return row && { ...row, lastBlank: row.lastBlank === 1 };
  }

  /** The dossier at `position` (0: review bin), created on first use; with its store dossier. */
  dossierAt(
    jobId: number,
    position: number,
    code: string | null,
  ): { id: number; storeDossierId: number | null } {
    this.db
      .prepare(
        'INSERT INTO batch_dossiers (job_id, position, MaHoSo) VALUES (?, ?, ?) ON CONFLICT (job_id, position) DO NOTHING',
      )
      .run(jobId, position, code);
    return this.db
      .prepare(
        'SELECT id, dossier_id AS storeDossierId FROM batch_dossiers WHERE job_id = ? AND position = ?',
      )
      .get(jobId, position) as { id: number; storeDossierId: number | null };
  }

  linkStoreDossier(batchDossierId: number, dossierId: number): void {
    this.db
      .prepare('UPDATE batch_dossiers SET dossier_id = ? WHERE id = ?')
      .run(dossierId, batchDossierId);
  }

  insertPage(page: {
    jobId: number;
    fileId: number;
    filePage: number;
    seq: number;
    dossierId: number;
    separator: boolean;
    blank: boolean;
    blobSha256: string;
    mime: string;
    width: number;
    height: number;
    dpi: number;
    pageId: number | null;
    component: number | null;
    station: string;
    sampled: boolean;
    now: string;
  }): void {
    this.db
      .prepare(
        `INSERT INTO batch_pages (job_id, file_id, file_page, seq, dossier_id, separator, blank, blob_sha256,
                                  mime, width, height, dpi, page_id, component, station, sampled, landed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        page.jobId,
        page.fileId,
        page.filePage,
        page.seq,
        page.dossierId,
        page.separator ? 1 : 0,
        page.blank ? 1 : 0,
        page.blobSha256,
        page.mime,
        page.width,
        page.height,
        page.dpi,
        page.pageId,
        page.component,
        page.station,
        page.sampled ? 1 : 0,
        page.now,
      );
    this.db
      .prepare('UPDATE batch_files SET pages_landed = ? WHERE id = ?')
      .run(page.filePage, page.fileId);
  }

  /** The blob row a page references (the bytes were written before the transaction). */
  insertBlobRow(sha256: string, size: number, now: string): void {
    this.db
      .prepare(
        'INSERT INTO blobs (sha256, size, created_at) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
      )
      .run(sha256, size, now);
  }

  dossiers(jobId: number): BatchDossier[] {
    const rows = this.db
      .prepare(
        `SELECT d.position AS position, d.MaHoSo AS MaHoSo, count(p.id) AS pages,
                count(p.id) - coalesce(sum(p.blank), 0) AS contentPages,
                s.id AS storeId, s.MaHoSo AS storeCode
           FROM batch_dossiers d LEFT JOIN batch_pages p ON p.dossier_id = d.id
           LEFT JOIN dossiers s ON s.id = d.dossier_id
          WHERE d.job_id = ? GROUP BY d.id ORDER BY d.position`,
      )
      .all(jobId) as Array<{
      position: number;
      MaHoSo: string | null;
      pages: number;
      contentPages: number;
      storeId: number | null;
      storeCode: string | null;
    }>;
    return rows.map((r) => ({
      position: r.position,
      pages: r.pages,
      contentPages: r.contentPages,
      ...(r.MaHoSo ? { MaHoSo: r.MaHoSo } : {}),
      ...(r.storeId !== null && r.storeCode !== null
        ? { storeDossier: { id: r.storeId, MaHoSo: r.storeCode } }
        : {}),
    }));
  }

  /** The job's pages that are in store dossiers, in job order. */
  storePageIds(jobId: number): number[] {
    return (
      this.db
        .prepare(
          'SELECT page_id AS id FROM batch_pages WHERE job_id = ? AND page_id IS NOT NULL ORDER BY seq',
        )
        .all(jobId) as Array<{ id: number }>
    ).map((r) => r.id);
  }

  /** Where the pipeline stands on the job's store pages. */
  processingCounts(jobId: number): Record<PageState, number> {
    const counts: Record<PageState, number> = { pending: 0, processing: 0, done: 0, failed: 0 };
    const rows = this.db
      .prepare(
        `SELECT pp.state AS state, count(*) AS n FROM batch_pages b
           JOIN page_processing pp ON pp.page_id = b.page_id
          WHERE b.job_id = ? GROUP BY pp.state`,
      )
      .all(jobId) as Array<{ state: PageState; n: number }>;
    for (const r of rows) counts[r.state] = r.n;
    return counts;
  }

  /** How many processed pages of the job carry each QA flag. */
  flagCounts(jobId: number): Partial<Record<PageFlag, number>> {
    const rows = this.db
      .prepare(
        `SELECT f.value AS flag, count(*) AS n FROM batch_pages b
           JOIN page_processing pp ON pp.page_id = b.page_id, json_each(pp.flags) f
          WHERE b.job_id = ? AND pp.state = 'done' GROUP BY f.value ORDER BY f.value`,
      )
      .all(jobId) as Array<{ flag: PageFlag; n: number }>;
    return Object.fromEntries(rows.map((r) => [r.flag, r.n]));
  }

  /** Landed pages in job order. */
  pages(jobId: number): BatchPageRow[] {
    return this.db
      .prepare(
        `SELECT p.seq AS seq, d.position AS dossier, f.path AS path, p.file_page AS filePage,
                p.blob_sha256 AS blobSha256, p.page_id AS pageId, p.component AS component
           FROM batch_pages p JOIN batch_dossiers d ON d.id = p.dossier_id
           JOIN batch_files f ON f.id = p.file_id
          WHERE p.job_id = ? ORDER BY p.seq`,
      )
      .all(jobId) as BatchPageRow[];
  }
}
