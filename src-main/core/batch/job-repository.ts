/**
 * SQL for batch jobs (tables of migration 500). Single statements; the runner groups the ones
 * that must commit together in `store.transaction`.
 */
import type { Db } from '../../store/index.js';
import type { Separation } from '../../domain/index.js';
import type { BatchDossier, BatchFile, BatchJob, FileState, JobState } from '../../domain/index.js';

interface JobRow {
  id: number;
  name: string;
  source: string;
  separator: Separation['kind'];
  pages_per_dossier: number | null;
  state: JobState;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

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

/** Where separation stands after the last landed page. */
export interface Cursor {
  seq: number;
  dossierId: number;
  dossierPosition: number;
  MaHoSo: string | null;
  pagesInDossier: number;
  /** Pages of the dossier that are not blank separator sheets. */
  contentPages: number;
}

function toJob(r: JobRow): BatchJob {
  return {
    id: r.id,
    name: r.name,
    source: r.source,
    separation:
      r.separator === 'count'
        ? { kind: 'count', pages: r.pages_per_dossier ?? 1 }
        : { kind: r.separator },
    state: r.state,
    createdAt: r.created_at,
    ...(r.started_at ? { startedAt: r.started_at } : {}),
    ...(r.finished_at ? { finishedAt: r.finished_at } : {}),
  };
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

  insertJob(name: string, source: string, separation: Separation, now: string): number {
    return Number(
      this.db
        .prepare(
          'INSERT INTO batch_jobs (name, source, separator, pages_per_dossier, created_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(
          name,
          source,
          separation.kind,
          separation.kind === 'count' ? separation.pages : null,
          now,
        ).lastInsertRowid,
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
    return this.db
      .prepare(
        `SELECT p.seq AS seq, d.id AS dossierId, d.position AS dossierPosition, d.MaHoSo AS MaHoSo,
                (SELECT count(*) FROM batch_pages q WHERE q.dossier_id = d.id) AS pagesInDossier,
                (SELECT count(*) FROM batch_pages q WHERE q.dossier_id = d.id AND q.blank = 0) AS contentPages
           FROM batch_pages p JOIN batch_dossiers d ON d.id = p.dossier_id
          WHERE p.job_id = ? ORDER BY p.seq DESC LIMIT 1`,
      )
      .get(jobId) as Cursor | undefined;
  }

  /** The dossier at `position` (0: review bin), created on first use. */
  dossierAt(jobId: number, position: number, code: string | null): number {
    this.db
      .prepare(
        'INSERT INTO batch_dossiers (job_id, position, MaHoSo) VALUES (?, ?, ?) ON CONFLICT (job_id, position) DO NOTHING',
      )
      .run(jobId, position, code);
    return (
      this.db
        .prepare('SELECT id FROM batch_dossiers WHERE job_id = ? AND position = ?')
        .get(jobId, position) as { id: number }
    ).id;
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
    now: string;
  }): void {
    this.db
      .prepare(
        `INSERT INTO batch_pages (job_id, file_id, file_page, seq, dossier_id, separator, blank, blob_sha256,
                                  mime, width, height, dpi, landed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
                count(p.id) - coalesce(sum(p.blank), 0) AS contentPages
           FROM batch_dossiers d LEFT JOIN batch_pages p ON p.dossier_id = d.id
          WHERE d.job_id = ? GROUP BY d.id ORDER BY d.position`,
      )
      .all(jobId) as Array<{
      position: number;
      MaHoSo: string | null;
      pages: number;
      contentPages: number;
    }>;
    return rows.map((r) => ({
      position: r.position,
      pages: r.pages,
      contentPages: r.contentPages,
      ...(r.MaHoSo ? { MaHoSo: r.MaHoSo } : {}),
    }));
  }

  /** Landed pages in job order with their dossier position (tests, later outputs). */
  pages(
    jobId: number,
  ): Array<{ seq: number; dossier: number; path: string; filePage: number; blobSha256: string }> {
    return this.db
      .prepare(
        `SELECT p.seq AS seq, d.position AS dossier, f.path AS path, p.file_page AS filePage,
                p.blob_sha256 AS blobSha256
           FROM batch_pages p JOIN batch_dossiers d ON d.id = p.dossier_id
           JOIN batch_files f ON f.id = p.file_id
          WHERE p.job_id = ? ORDER BY p.seq`,
      )
      .all(jobId) as Array<{
      seq: number;
      dossier: number;
      path: string;
      filePage: number;
      blobSha256: string;
    }>;
  }
}
