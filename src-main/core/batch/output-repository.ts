/**
 * SQL of a job's output (`batch_outputs`, migration 510): which separated dossiers were
 * delivered to which target, and the QA state of each dossier's pages that backlog readiness
 * weighs. Single statements; the caller groups a delivery with its audit in one transaction.
 */
import type { BatchOutputSummary, OutputTarget } from '../../domain/index.js';
import type { Db } from '../../store/index.js';

export interface Delivery {
  batchDossierId: number;
  target: OutputTarget;
  payloadSha256: string;
  documents: number;
  pages: number;
  signed: boolean;
  package?: { path: string; sha256: string };
}

/** A separated dossier that became a store dossier, with its QA counts. */
export interface OutputCandidate {
  batchDossierId: number;
  position: number;
  dossierId: number;
  /** Pages a reviewer rejected (they go back for rescan). */
  rejected: number[];
  /** Pages in the QA queue (sampled or flagged) without a decision yet. */
  open: number[];
}

interface DeliveryRow {
  batchDossierId: number;
  target: OutputTarget;
  payloadSha256: string;
  documents: number;
  pages: number;
  signed: number;
  packagePath: string | null;
  packageSha256: string | null;
}

export class OutputRepository {
  constructor(private readonly db: Db) {}

  candidates(jobId: number): OutputCandidate[] {
    const rows = this.db
      .prepare(
        `SELECT bd.id AS batchDossierId, bd.position AS position, bd.dossier_id AS dossierId,
                json_group_array(b.page_id) FILTER (WHERE q.decision = 'rejected') AS rejected,
                json_group_array(b.page_id) FILTER (
                  WHERE q.decision IS NULL
                    AND (b.sampled = 1 OR (pp.state = 'done' AND pp.flags <> '[]'))) AS open
           FROM batch_dossiers bd
           JOIN batch_pages b ON b.dossier_id = bd.id AND b.page_id IS NOT NULL
           LEFT JOIN page_processing pp ON pp.page_id = b.page_id
           LEFT JOIN batch_qa q ON q.batch_page_id = b.id
          WHERE bd.job_id = ? AND bd.position > 0 AND bd.dossier_id IS NOT NULL
          GROUP BY bd.id ORDER BY bd.position`,
      )
      .all(jobId) as Array<{
      batchDossierId: number;
      position: number;
      dossierId: number;
      rejected: string;
      open: string;
    }>;
    return rows.map((r) => ({
      ...r,
      rejected: JSON.parse(r.rejected) as number[],
      open: JSON.parse(r.open) as number[],
    }));
  }

  delivery(batchDossierId: number, target: OutputTarget): Delivery | undefined {
    const row = this.db
      .prepare(
        `SELECT batch_dossier_id AS batchDossierId, target, payload_sha256 AS payloadSha256,
                documents, pages, signed, package_path AS packagePath, package_sha256 AS packageSha256
           FROM batch_outputs WHERE batch_dossier_id = ? AND target = ?`,
      )
      .get(batchDossierId, target) as DeliveryRow | undefined;
    if (!row) return undefined;
    const { packagePath, packageSha256, signed, ...rest } = row;
    return {
      ...rest,
      signed: signed === 1,
      ...(packagePath && packageSha256
        ? { package: { path: packagePath, sha256: packageSha256 } }
        : {}),
    };
  }

  record(d: Delivery, now: string): void {
    this.db
      .prepare(
        `INSERT INTO batch_outputs (batch_dossier_id, target, payload_sha256, documents, pages, signed,
                                    package_path, package_sha256, delivered_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (batch_dossier_id, target) DO UPDATE SET
           payload_sha256 = excluded.payload_sha256, documents = excluded.documents,
           pages = excluded.pages, signed = excluded.signed, package_path = excluded.package_path,
           package_sha256 = excluded.package_sha256, delivered_at = excluded.delivered_at`,
      )
      .run(
        d.batchDossierId,
        d.target,
        d.payloadSha256,
        d.documents,
        d.pages,
        d.signed ? 1 : 0,
        d.package?.path ?? null,
        d.package?.sha256 ?? null,
        now,
      );
  }

  /**
   * What the job has delivered: dossiers, their PDFs as they stand (and how many are signed),
   * dossiers queued for sync (and of those, synced), dossiers written as packages.
   */
  summary(jobId: number): BatchOutputSummary {
    return this.db
      .prepare(
        `WITH delivered AS (
           SELECT o.target AS target, bd.dossier_id AS dossierId FROM batch_outputs o
             JOIN batch_dossiers bd ON bd.id = o.batch_dossier_id
            WHERE bd.job_id = ? AND bd.dossier_id IS NOT NULL),
         pdfs AS (
           SELECT doc.signed AS signed FROM components c JOIN documents doc ON doc.component_id = c.id
            WHERE c.dossier_id IN (SELECT dossierId FROM delivered) AND doc.pdf_sha256 IS NOT NULL)
         SELECT (SELECT count(DISTINCT dossierId) FROM delivered) AS dossiers,
                (SELECT count(*) FROM pdfs) AS pdfs,
                (SELECT coalesce(sum(signed), 0) FROM pdfs) AS signedPdfs,
                (SELECT count(*) FROM delivered WHERE target = 'queue') AS queued,
                (SELECT count(*) FROM delivered x JOIN dossiers d ON d.id = x.dossierId
                  WHERE x.target = 'queue' AND d.sync_state = 'synced') AS synced,
                (SELECT count(*) FROM delivered WHERE target = 'packages') AS packaged`,
      )
      .get(jobId) as BatchOutputSummary;
  }
}
