/** SQL behind a job's acceptance report: fields, throughput, per-dossier counts, unit progress. */
import type { ReportDossier, UnitLevel } from '../../domain/index.js';
import type { Db } from '../../store/index.js';

/** A store dossier counts as digitized when every page is processed and none was rejected. */
const DIGITIZED = `NOT EXISTS (
  SELECT 1 FROM batch_pages b
    LEFT JOIN page_processing pp ON pp.page_id = b.page_id
    LEFT JOIN batch_qa q ON q.batch_page_id = b.id
   WHERE b.dossier_id = bd.id AND b.page_id IS NOT NULL
     AND (pp.state IS NOT 'done' OR q.decision = 'rejected'))`;

export class ReportRepository {
  constructor(private readonly db: Db) {}

  fields(jobId: number): { captured: number; valid: number } {
    return this.db
      .prepare(
        `SELECT count(*) AS captured, coalesce(sum(e.valid = 1), 0) AS valid
           FROM batch_pages b JOIN extracted_fields e ON e.page_id = b.page_id
          WHERE b.job_id = ?`,
      )
      .get(jobId) as { captured: number; valid: number };
  }

  /** Landing times of the job's pages, per station (the caller buckets them into local days). */
  landings(jobId: number): Array<{ station: string; landedAt: string }> {
    return this.db
      .prepare(
        'SELECT station, landed_at AS landedAt FROM batch_pages WHERE job_id = ? ORDER BY landed_at',
      )
      .all(jobId) as Array<{ station: string; landedAt: string }>;
  }

  dossiers(jobId: number): ReportDossier[] {
    const rows = this.db
      .prepare(
        `SELECT bd.position AS position, bd.MaHoSo AS qrCode, d.MaHoSo AS MaHoSo,
                count(b.id) AS pages, count(b.id) - coalesce(sum(b.blank), 0) AS contentPages,
                count(DISTINCT b.component) AS components,
                (SELECT count(*) FROM extracted_fields e JOIN batch_pages x ON x.page_id = e.page_id
                  WHERE x.dossier_id = bd.id) AS fields,
                coalesce(sum(pp.state = 'done' AND pp.flags <> '[]'), 0) AS flaggedPages,
                coalesce(sum(q.decision = 'rejected'), 0) AS rejectedPages
           FROM batch_dossiers bd
           LEFT JOIN dossiers d ON d.id = bd.dossier_id
           LEFT JOIN batch_pages b ON b.dossier_id = bd.id
           LEFT JOIN page_processing pp ON pp.page_id = b.page_id
           LEFT JOIN batch_qa q ON q.batch_page_id = b.id
          WHERE bd.job_id = ? GROUP BY bd.id ORDER BY bd.position`,
      )
      .all(jobId) as Array<
      Omit<ReportDossier, 'qrCode' | 'MaHoSo'> & {
        qrCode: string | null;
        MaHoSo: string | null;
      }
    >;
    return rows.map(({ qrCode, MaHoSo, ...r }) => ({
      ...r,
      ...(qrCode ? { qrCode } : {}),
      ...(MaHoSo ? { MaHoSo } : {}),
    }));
  }

  reviewBin(jobId: number): Array<{ seq: number; path: string; filePage: number }> {
    return this.db
      .prepare(
        `SELECT b.seq AS seq, f.path AS path, b.file_page AS filePage
           FROM batch_pages b JOIN batch_dossiers bd ON bd.id = b.dossier_id
           JOIN batch_files f ON f.id = b.file_id
          WHERE b.job_id = ? AND bd.position = 0 ORDER BY b.seq`,
      )
      .all(jobId) as Array<{ seq: number; path: string; filePage: number }>;
  }

  /** Every unit (agency and level) some job of the station digitizes, with its progress. */
  units(): Array<{
    agency: string;
    level: UnitLevel;
    backlog: number | null;
    landed: number;
    digitized: number;
  }> {
    return this.db
      .prepare(
        `SELECT j.agency AS agency, j.unit_level AS level,
                (SELECT backlog FROM batch_jobs k WHERE k.agency = j.agency AND k.unit_level = j.unit_level
                   AND k.backlog IS NOT NULL ORDER BY k.id DESC LIMIT 1) AS backlog,
                count(bd.dossier_id) AS landed,
                coalesce(sum(bd.dossier_id IS NOT NULL AND ${DIGITIZED}), 0) AS digitized
           FROM batch_jobs j LEFT JOIN batch_dossiers bd ON bd.job_id = j.id
          WHERE j.unit_level IS NOT NULL AND j.agency IS NOT NULL
          GROUP BY j.agency, j.unit_level ORDER BY j.agency, j.unit_level`,
      )
      .all() as Array<{
      agency: string;
      level: UnitLevel;
      backlog: number | null;
      landed: number;
      digitized: number;
    }>;
  }
}
