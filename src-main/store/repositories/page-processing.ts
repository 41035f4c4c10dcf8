/**
 * The page pipeline's rows (`page_processing`, migration 200): the durable queue and each page's
 * processing result. Single statements, meant to run inside `store.transaction`; the caller writes
 * blob bytes before the transaction, as `Store.addPage` does.
 *
 * A claim names its owner (`<pid>:<run id>`), so a process can tell its own in-flight pages from
 * those a killed process left behind, and a result commits only while the claim and generation it
 * was started under still hold.
 */
import type {
  PageCleanup,
  PageField,
  PageFlag,
  PageProcessing,
  PageProcessingError,
  PageState,
} from '../../domain/index.js';
import { AppError } from '../../domain/index.js';
import type { Db } from '../connection.js';
import { prepared } from '../statements.js';
import { insertBlobRow } from './blob-rows.js';

export interface ProcessingRequest {
  /** Imaging profile name (counter, bulk, archive); absent: the station's configured one. */
  profile?: string;
  /** Per-page profile overrides (JSON-able). */
  overrides: Record<string, unknown>;
  ocr: boolean;
}

export interface ClaimedPage extends ProcessingRequest {
  pageId: number;
  generation: number;
  attempts: number;
}

export interface ProcessingResult {
  processed: {
    sha256: string;
    size: number;
    mime: string;
    width: number;
    height: number;
    dpi: number;
  };
  thumbnail: { sha256: string; size: number };
  /** The imaging pipeline's full decision record (stored as JSON, for support and re-runs). */
  decisions: unknown;
  cleanup: PageCleanup;
  flags: PageFlag[];
  ocrConfidence?: number;
  fields: PageField[];
  /** OCR lines and words for the PDF text layer (JSON-able), when the page was read. */
  textLayer?: unknown;
}

interface Row {
  page_id: number;
  state: PageState;
  profile: string | null;
  overrides: string;
  ocr: number;
  generation: number;
  attempts: number;
  claimed_by: string | null;
  error: string | null;
  processed_sha256: string | null;
  processed_mime: string | null;
  thumbnail_sha256: string | null;
  width: number | null;
  height: number | null;
  dpi: number | null;
  decisions: string | null;
  flags: string;
  ocr_confidence: number | null;
  finished_at: string | null;
  dossier_id: number;
  MaHoSo: string;
}

const SELECT = `
  SELECT pp.*, c.dossier_id AS dossier_id, d.MaHoSo AS MaHoSo
    FROM page_processing pp
    JOIN pages p ON p.id = pp.page_id
    JOIN documents doc ON doc.id = p.document_id
    JOIN components c ON c.id = doc.component_id
    JOIN dossiers d ON d.id = c.dossier_id`;

interface FieldRow {
  kind: string | null;
  value: string;
  source_text: string | null;
  confidence: number;
  box: string | null;
  valid: number | null;
}

export class PageProcessingRepository {
  constructor(private readonly db: Db) {}

  /** Claims up to `limit` pending pages that are due, oldest first. */
  claim(limit: number, owner: string, now: string): ClaimedPage[] {
    const rows = prepared(
      this.db,
      `SELECT page_id FROM page_processing
        WHERE state = 'pending' AND (not_before IS NULL OR not_before <= ?)
        ORDER BY queued_at, page_id LIMIT ?`,
    ).all(now, limit) as Array<{ page_id: number }>;
    const update = prepared(
      this.db,
      `UPDATE page_processing SET state = 'processing', claimed_by = ?, attempts = attempts + 1,
         started_at = ? WHERE page_id = ? AND state = 'pending'
       RETURNING page_id, generation, attempts, profile, overrides, ocr`,
    );
    return rows.flatMap(({ page_id }) => {
      const r = update.get(owner, now, page_id) as
        | Pick<Row, 'page_id' | 'generation' | 'attempts' | 'profile' | 'overrides' | 'ocr'>
        | undefined;
      return r
        ? [
            {
              pageId: r.page_id,
              generation: r.generation,
              attempts: r.attempts,
              ...(r.profile !== null ? { profile: r.profile } : {}),
              overrides: JSON.parse(r.overrides) as Record<string, unknown>,
              ocr: r.ocr === 1,
            },
          ]
        : [];
    });
  }

  /** Owners of pages in processing (to find those a dead process left behind). */
  claimOwners(): string[] {
    return (
      prepared(
        this.db,
        "SELECT DISTINCT claimed_by FROM page_processing WHERE state = 'processing' AND claimed_by IS NOT NULL",
      ).all() as Array<{ claimed_by: string }>
    ).map((r) => r.claimed_by);
  }

  /** Puts an owner's in-flight pages back in the queue (the attempt is not counted). */
  release(owner: string): number {
    return prepared(
      this.db,
      `UPDATE page_processing SET state = 'pending', claimed_by = NULL, attempts = max(attempts - 1, 0)
        WHERE state = 'processing' AND claimed_by = ?`,
    ).run(owner).changes;
  }

  /** Whether `owner` still holds the claim it started `generation` under. */
  holds(pageId: number, generation: number, owner: string): boolean {
    return (
      prepared(
        this.db,
        `SELECT 1 FROM page_processing WHERE page_id = ? AND generation = ? AND claimed_by = ?
           AND state = 'processing'`,
      ).get(pageId, generation, owner) !== undefined
    );
  }

  complete(pageId: number, result: ProcessingResult, now: string): void {
    prepared(
      this.db,
      `UPDATE page_processing SET state = 'done', claimed_by = NULL, error = NULL, not_before = NULL,
         completions = completions + 1, processed_sha256 = ?, processed_mime = ?, thumbnail_sha256 = ?,
         width = ?, height = ?, dpi = ?, decisions = ?, flags = ?, ocr_confidence = ?, text_layer = ?,
         finished_at = ?
       WHERE page_id = ?`,
    ).run(
      result.processed.sha256,
      result.processed.mime,
      result.thumbnail.sha256,
      result.processed.width,
      result.processed.height,
      result.processed.dpi,
      JSON.stringify({ cleanup: result.cleanup, pipeline: result.decisions }),
      JSON.stringify(result.flags),
      result.ocrConfidence ?? null,
      result.textLayer === undefined ? null : JSON.stringify(result.textLayer),
      now,
      pageId,
    );
  }

  /** Records a failure: back to pending after `retryAt`, or failed for good without one. */
  fail(
    pageId: number,
    error: PageProcessingError,
    retryAt: string | undefined,
    now: string,
  ): PageState {
    const state: PageState = retryAt ? 'pending' : 'failed';
    prepared(
      this.db,
      `UPDATE page_processing SET state = ?, claimed_by = NULL, error = ?, not_before = ?,
         finished_at = CASE WHEN ? = 'failed' THEN ? ELSE finished_at END
       WHERE page_id = ?`,
    ).run(state, JSON.stringify(error), retryAt ?? null, state, now, pageId);
    return state;
  }

  /** Queues a page again with a new request; a result of an older generation will not commit. */
  requeue(pageId: number, request: ProcessingRequest, now: string): void {
    const info = prepared(
      this.db,
      `UPDATE page_processing SET state = 'pending', generation = generation + 1, attempts = 0,
         claimed_by = NULL, error = NULL, not_before = NULL, profile = ?, overrides = ?, ocr = ?,
         queued_at = ?
       WHERE page_id = ?`,
    ).run(
      request.profile ?? null,
      JSON.stringify(request.overrides),
      request.ocr ? 1 : 0,
      now,
      pageId,
    );
    if (info.changes === 0) throw noPage(pageId);
  }

  /** Changes what a page still waiting in the queue will be processed with. */
  setPendingRequest(pageId: number, request: ProcessingRequest): boolean {
    return (
      prepared(
        this.db,
        `UPDATE page_processing SET profile = ?, overrides = ?, ocr = ?
          WHERE page_id = ? AND state = 'pending'`,
      ).run(request.profile ?? null, JSON.stringify(request.overrides), request.ocr ? 1 : 0, pageId)
        .changes === 1
    );
  }

  request(pageId: number): ProcessingRequest & { state: PageState } {
    const row = prepared(
      this.db,
      'SELECT state, profile, overrides, ocr FROM page_processing WHERE page_id = ?',
    ).get(pageId) as Pick<Row, 'state' | 'profile' | 'overrides' | 'ocr'> | undefined;
    if (!row) throw noPage(pageId);
    return {
      state: row.state,
      ...(row.profile !== null ? { profile: row.profile } : {}),
      overrides: JSON.parse(row.overrides) as Record<string, unknown>,
      ocr: row.ocr === 1,
    };
  }

  /** The row a blob needs before anything references it (bytes already written). */
  addBlobRow(sha256: string, size: number, now: string): void {
    insertBlobRow(this.db, sha256, size, now);
  }

  /** The stored text layer of a page (JSON as written), if it was read. */
  textLayer(pageId: number): unknown {
    const row = prepared(this.db, 'SELECT text_layer FROM page_processing WHERE page_id = ?').get(
      pageId,
    ) as { text_layer: string | null } | undefined;
    return row?.text_layer ? (JSON.parse(row.text_layer) as unknown) : undefined;
  }

  replaceFields(dossierId: number, pageId: number, fields: readonly PageField[]): void {
    prepared(this.db, 'DELETE FROM extracted_fields WHERE page_id = ?').run(pageId);
    const insert = prepared(
      this.db,
      `INSERT INTO extracted_fields (dossier_id, page_id, name, kind, value, source_text, confidence, box, valid)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const f of fields) {
      insert.run(
        dossierId,
        pageId,
        f.kind,
        f.kind,
        f.value.normalize('NFC'),
        f.text.normalize('NFC'),
        f.confidence,
        JSON.stringify(f.box),
        f.valid ? 1 : 0,
      );
    }
  }

  get(pageId: number): PageProcessing | undefined {
    const row = prepared(this.db, `${SELECT} WHERE pp.page_id = ?`).get(pageId) as Row | undefined;
    return row && this.toRecord(row);
  }

  require(pageId: number): PageProcessing {
    const record = this.get(pageId);
    if (!record) throw noPage(pageId);
    return record;
  }

  private fields(pageId: number): PageField[] {
    return (
      prepared(
        this.db,
        `SELECT kind, value, source_text, confidence, box, valid
           FROM extracted_fields WHERE page_id = ? AND kind IS NOT NULL ORDER BY id`,
      ).all(pageId) as FieldRow[]
    ).map((f) => ({
      kind: f.kind ?? '',
      value: f.value,
      text: f.source_text ?? f.value,
      confidence: f.confidence,
      box: (f.box ? JSON.parse(f.box) : [0, 0, 0, 0]) as PageField['box'],
      valid: f.valid !== 0,
    }));
  }

  private toRecord(r: Row): PageProcessing {
    const decisions = r.decisions
      ? (JSON.parse(r.decisions) as { cleanup?: PageCleanup })
      : undefined;
    return {
      pageId: r.page_id,
      dossierId: r.dossier_id,
      MaHoSo: r.MaHoSo,
      state: r.state,
      attempts: r.attempts,
      flags: JSON.parse(r.flags) as PageFlag[],
      fields: this.fields(r.page_id),
      ...(r.ocr_confidence !== null ? { ocrConfidence: r.ocr_confidence } : {}),
      ...(r.error ? { error: JSON.parse(r.error) as PageProcessingError } : {}),
      ...(r.processed_sha256 && r.processed_mime && r.width && r.height && r.dpi
        ? {
            processed: {
              sha256: r.processed_sha256,
              mime: r.processed_mime,
              width: r.width,
              height: r.height,
              dpi: r.dpi,
            },
          }
        : {}),
      ...(r.thumbnail_sha256 ? { thumbnailSha256: r.thumbnail_sha256 } : {}),
      ...(decisions?.cleanup ? { cleanup: decisions.cleanup } : {}),
      ...(r.finished_at ? { finishedAt: r.finished_at } : {}),
    };
  }
}

function noPage(pageId: number): AppError {
  return new AppError(
    'NOT_FOUND',
    { vi: `Không có trang #${pageId}`, en: `No page #${pageId}` },
    { details: { pageId } },
  );
}
