/**
 * SQL of a job's QA queue: its store pages that sampling drew or the pipeline flagged, with the
 * reviewer's decision (`batch_qa`, migration 501).
 */
import type {
  BatchQaItem,
  BatchQaSummary,
  PageFlag,
  PageState,
  QaDecision,
  QaReason,
  RescanItem,
} from '../../domain/index.js';
import type { Db } from '../../store/index.js';

/** Pages in the queue: sampled, or processed with at least one flag. */
const QUEUE = `
  FROM batch_pages b
  JOIN batch_dossiers bd ON bd.id = b.dossier_id
  JOIN dossiers d ON d.id = bd.dossier_id
  JOIN page_processing pp ON pp.page_id = b.page_id
  LEFT JOIN batch_qa q ON q.batch_page_id = b.id
 WHERE b.job_id = ? AND (b.sampled = 1 OR (pp.state = 'done' AND pp.flags <> '[]'))`;

interface ItemRow {
  batchPageId: number;
  pageId: number;
  seq: number;
  dossierPosition: number;
  MaHoSo: string;
  component: number;
  sampled: number;
  flags: string;
  processing: PageState;
  ocrConfidence: number | null;
  decision: QaDecision | null;
  reviewer: string | null;
  note: string | null;
  decidedAt: string | null;
}

export type QaFilter = 'open' | 'decided' | 'all';

export class QaRepository {
  constructor(private readonly db: Db) {}

  /** The queue in job order; `only`: just that batch page. */
  items(
    jobId: number,
    filter: QaFilter,
    limit: number,
    offset: number,
    only?: number,
  ): BatchQaItem[] {
    const where =
      (filter === 'open'
        ? ' AND q.decision IS NULL'
        : filter === 'decided'
          ? ' AND q.decision IS NOT NULL'
          : '') + (only === undefined ? '' : ' AND b.id = ?');
    const rows = this.db
      .prepare(
        `SELECT b.id AS batchPageId, b.page_id AS pageId, b.seq AS seq, bd.position AS dossierPosition,
                d.MaHoSo AS MaHoSo, b.component AS component, b.sampled AS sampled, pp.flags AS flags,
                pp.state AS processing, pp.ocr_confidence AS ocrConfidence, q.decision AS decision,
                q.reviewer AS reviewer, q.note AS note, q.decided_at AS decidedAt
         ${QUEUE}${where} ORDER BY b.seq LIMIT ? OFFSET ?`,
      )
      .all(jobId, ...(only === undefined ? [] : [only]), limit, offset) as ItemRow[];
    return rows.map((r) => {
      const reasons: QaReason[] = [
        ...(r.sampled === 1 ? (['sample'] as const) : []),
        ...(r.processing === 'done' ? (JSON.parse(r.flags) as PageFlag[]) : []),
      ];
      return {
        batchPageId: r.batchPageId,
        pageId: r.pageId,
        seq: r.seq,
        dossierPosition: r.dossierPosition,
        MaHoSo: r.MaHoSo,
        component: r.component,
        reasons,
        processing: r.processing,
        ...(r.ocrConfidence !== null ? { ocrConfidence: r.ocrConfidence } : {}),
        ...(r.decision && r.reviewer && r.decidedAt
          ? {
              decision: {
                decision: r.decision,
                reviewer: r.reviewer,
                decidedAt: r.decidedAt,
                ...(r.note ? { note: r.note } : {}),
              },
            }
          : {}),
      };
    });
  }

  summary(jobId: number): BatchQaSummary {
    const r = this.db
      .prepare(
        `SELECT count(*) AS total,
                coalesce(sum(q.decision IS NULL), 0) AS open,
                coalesce(sum(q.decision = 'accepted'), 0) AS accepted,
                coalesce(sum(q.decision = 'rejected'), 0) AS rejected
         ${QUEUE}`,
      )
      .get(jobId) as BatchQaSummary;
    return r;
  }

  /** The queue's page of the job with this store page id, if it is in the queue. */
  inQueue(jobId: number, pageId: number): number | undefined {
    const row = this.db
      .prepare(`SELECT b.id AS id ${QUEUE} AND b.page_id = ?`)
      .get(jobId, pageId) as { id: number } | undefined;
    return row?.id;
  }

  decide(
    batchPageId: number,
    decision: QaDecision,
    reviewer: string,
    note: string | undefined,
    now: string,
  ): void {
    this.db
      .prepare(
        `INSERT INTO batch_qa (batch_page_id, decision, reviewer, note, decided_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (batch_page_id) DO UPDATE
           SET decision = excluded.decision, reviewer = excluded.reviewer, note = excluded.note,
               decided_at = excluded.decided_at`,
      )
      .run(batchPageId, decision, reviewer, note ?? null, now);
  }

  rescan(jobId: number): RescanItem[] {
    const rows = this.db
      .prepare(
        `SELECT b.id AS batchPageId, b.page_id AS pageId, f.path AS path, b.file_page AS filePage,
                d.MaHoSo AS MaHoSo, b.component AS component, q.reviewer AS reviewer, q.note AS note,
                q.decided_at AS decidedAt
           FROM batch_qa q
           JOIN batch_pages b ON b.id = q.batch_page_id
           JOIN batch_files f ON f.id = b.file_id
           JOIN batch_dossiers bd ON bd.id = b.dossier_id
           JOIN dossiers d ON d.id = bd.dossier_id
          WHERE b.job_id = ? AND q.decision = 'rejected' ORDER BY b.seq`,
      )
      .all(jobId) as Array<Omit<RescanItem, 'note'> & { note: string | null }>;
    return rows.map(({ note, ...r }) => ({ ...r, ...(note ? { note } : {}) }));
  }
}
