/**
 * Retention's view of the store (migration 611): which dossiers the province has acknowledged
 * and since when, and the purge of one dossier down to the summary the audit needs. Single
 * statements for the caller's transaction; the rule (how many days, dry run, GC) is in
 * core/retention.
 */
import type { PurgedDossier, RetentionCandidate } from '../../domain/index.js';
import type { Db } from '../connection.js';
import { prepared } from '../statements.js';

interface CandidateRow {
  id: number;
  MaHoSo: string;
  MaTTHC: string;
  NgayTiepNhan: string;
  acknowledged_at: string;
}

interface PurgeRow {
  MaHoSo: string;
  MaTTHC: string;
  NgayTiepNhan: string;
  acknowledged_at: string;
  purged_at: string;
  components: number;
  documents: number;
  pages: number;
  results: number;
  blob_hashes: string;
}

const count = (db: Db, sql: string, id: number): number =>
  (prepared(db, sql).get(id) as { n: number }).n;

export class RetentionRepository {
  constructor(private readonly db: Db) {}

  /**
   * Dossiers synced and acknowledged by the province before `cutoff`, with nothing of theirs
   * still waiting in the outbox (an edit after the acknowledgement queues them again).
   */
  acknowledgedBefore(cutoff: string): RetentionCandidate[] {
    const rows = prepared(
      this.db,
      `SELECT d.id, d.MaHoSo, d.MaTTHC, d.NgayTiepNhan, r.acknowledged_at
         FROM dossiers d JOIN sync_receipts r ON r.MaHoSo = d.MaHoSo
        WHERE d.sync_state = 'synced' AND r.acknowledged_at < ?
          AND NOT EXISTS (SELECT 1 FROM sync_outbox o WHERE o.MaHoSo = d.MaHoSo AND o.state <> 'sent')
        ORDER BY r.acknowledged_at, d.id`,
    ).all(cutoff) as CandidateRow[];
    return rows.map((r) => this.describe(r));
  }

  private describe(r: CandidateRow): RetentionCandidate {
    const hashes = prepared(
      this.db,
      `SELECT p.blob_sha256 AS sha FROM pages p JOIN documents doc ON doc.id = p.document_id
         JOIN components c ON c.id = doc.component_id WHERE c.dossier_id = @id
       UNION SELECT doc.pdf_sha256 FROM documents doc JOIN components c ON c.id = doc.component_id
        WHERE c.dossier_id = @id AND doc.pdf_sha256 IS NOT NULL
       UNION SELECT blob_sha256 FROM results WHERE dossier_id = @id
       ORDER BY 1`,
    ).all({ id: r.id }) as Array<{ sha: string }>;
    return {
      dossierId: r.id,
      MaHoSo: r.MaHoSo,
      MaTTHC: r.MaTTHC,
      NgayTiepNhan: r.NgayTiepNhan,
      acknowledgedAt: r.acknowledged_at,
      components: count(this.db, 'SELECT count(*) AS n FROM components WHERE dossier_id = ?', r.id),
      documents: count(
        this.db,
        'SELECT count(*) AS n FROM documents doc JOIN components c ON c.id = doc.component_id WHERE c.dossier_id = ?',
        r.id,
      ),
      pages: count(
        this.db,
        `SELECT count(*) AS n FROM pages p JOIN documents doc ON doc.id = p.document_id
           JOIN components c ON c.id = doc.component_id WHERE c.dossier_id = ?`,
        r.id,
      ),
      results: count(this.db, 'SELECT count(*) AS n FROM results WHERE dossier_id = ?', r.id),
      blobHashes: hashes.map((h) => h.sha),
    };
  }

  /**
   * Removes the dossier's rows (components, documents, pages, OCR text, fields and everything
   * else that cascades from them), its results, its search entries and the payload of its sent
   * outbox entry, and keeps the summary. Blob rows lose their references here; their files go
   * at the next GC.
   */
  purge(c: RetentionCandidate, now: string): void {
    const pageIds = prepared(
      this.db,
      `SELECT p.id FROM pages p JOIN documents doc ON doc.id = p.document_id
         JOIN components c ON c.id = doc.component_id WHERE c.dossier_id = ?`,
    ).all(c.dossierId) as Array<{ id: number }>;
    const unindex = prepared(this.db, 'DELETE FROM search_fts WHERE rowid = ?');
    unindex.run(-c.dossierId);
    for (const { id } of pageIds) unindex.run(id);
    prepared(this.db, 'DELETE FROM results WHERE dossier_id = ?').run(c.dossierId);
    prepared(this.db, "DELETE FROM sync_outbox WHERE MaHoSo = ? AND state = 'sent'").run(c.MaHoSo);
    prepared(this.db, 'DELETE FROM dossiers WHERE id = ?').run(c.dossierId);
    prepared(
      this.db,
      `INSERT INTO retention_purges (dossier_id, MaHoSo, MaTTHC, NgayTiepNhan, acknowledged_at,
         purged_at, components, documents, pages, results, blob_hashes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      c.dossierId,
      c.MaHoSo,
      c.MaTTHC,
      c.NgayTiepNhan,
      c.acknowledgedAt,
      now,
      c.components,
      c.documents,
      c.pages,
      c.results,
      JSON.stringify(c.blobHashes),
    );
  }

  purged(): PurgedDossier[] {
    return (
      prepared(
        this.db,
        'SELECT * FROM retention_purges ORDER BY purged_at, MaHoSo',
      ).all() as PurgeRow[]
    ).map((r) => ({
      MaHoSo: r.MaHoSo,
      MaTTHC: r.MaTTHC,
      NgayTiepNhan: r.NgayTiepNhan,
      acknowledgedAt: r.acknowledged_at,
      purgedAt: r.purged_at,
      components: r.components,
      documents: r.documents,
      pages: r.pages,
      results: r.results,
      blobHashes: JSON.parse(r.blob_hashes) as string[],
    }));
  }
}
