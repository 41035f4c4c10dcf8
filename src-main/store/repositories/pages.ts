/** Page rows and their OCR; the blob side is handled by the Store, which owns the transaction. */
import type { OcrWord, Page, PageOcr, Rotation } from '../../domain/index.js';
import { AppError } from '../../domain/index.js';
import type { Db } from '../connection.js';
import { prepared } from '../statements.js';

interface PageRow {
  id: number;
  document_id: number;
  position: number;
  blob_sha256: string;
  mime: string;
  width: number | null;
  height: number | null;
  dpi: number | null;
  rotation: Rotation;
  blank: number;
  needs_review: number;
  acquired_at: string;
}

function toPage(r: PageRow): Page {
  return {
    id: r.id,
    documentId: r.document_id,
    position: r.position,
    blobSha256: r.blob_sha256,
    mime: r.mime,
    rotation: r.rotation,
    blank: r.blank === 1,
    needsReview: r.needs_review === 1,
    acquiredAt: r.acquired_at,
    ...(r.width !== null ? { width: r.width } : {}),
    ...(r.height !== null ? { height: r.height } : {}),
    ...(r.dpi !== null ? { dpi: r.dpi } : {}),
  };
}

export interface NewPageRow {
  documentId: number;
  blobSha256: string;
  mime: string;
  width?: number;
  height?: number;
  dpi?: number;
  rotation?: Rotation;
  blank?: boolean;
  needsReview?: boolean;
  acquiredAt: string;
}

export class PageRepository {
  constructor(private readonly db: Db) {}

  insert(p: NewPageRow): Page {
    const position = (
      prepared(
        this.db,
        'SELECT coalesce(max(position), 0) + 1 AS p FROM pages WHERE document_id = ?',
      ).get(p.documentId) as { p: number }
    ).p;
    const info = prepared(
      this.db,
      `INSERT INTO pages (document_id, position, blob_sha256, mime, width, height, dpi, rotation, blank, needs_review, acquired_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      p.documentId,
      position,
      p.blobSha256,
      p.mime,
      p.width ?? null,
      p.height ?? null,
      p.dpi ?? null,
      p.rotation ?? 0,
      p.blank ? 1 : 0,
      p.needsReview ? 1 : 0,
      p.acquiredAt,
    );
    return this.require(Number(info.lastInsertRowid));
  }

  get(id: number): Page | undefined {
    const row = prepared(this.db, 'SELECT * FROM pages WHERE id = ?').get(id) as
      PageRow | undefined;
    return row && toPage(row);
  }

  require(id: number): Page {
    const page = this.get(id);
    if (!page)
      throw new AppError(
        'NOT_FOUND',
        { vi: `Không có trang #${id}`, en: `No page #${id}` },
        { details: { id } },
      );
    return page;
  }

  /** The document's pages; pages the clerk deleted (kept for undo) are not among them. */
  list(documentId: number): Page[] {
    return (
      prepared(
        this.db,
        'SELECT * FROM pages WHERE document_id = ? AND deleted_at IS NULL ORDER BY position, id',
      ).all(documentId) as PageRow[]
    ).map(toPage);
  }

  /** Sets the clerk's or the pipeline's decisions on a page; the pixels never change. */
  update(
    id: number,
    change: { rotation?: Rotation; blank?: boolean; needsReview?: boolean; position?: number },
  ): Page {
    this.require(id);
    const sets: string[] = [];
    const params: unknown[] = [];
    const columns: Array<[string, unknown]> = [
      ['rotation', change.rotation],
      ['blank', change.blank === undefined ? undefined : change.blank ? 1 : 0],
      ['needs_review', change.needsReview === undefined ? undefined : change.needsReview ? 1 : 0],
      ['position', change.position],
    ];
    for (const [column, value] of columns) {
      if (value === undefined) continue;
      sets.push(`${column} = ?`);
      params.push(value);
    }
    if (sets.length)
      prepared(this.db, `UPDATE pages SET ${sets.join(', ')} WHERE id = ?`).run(...params, id);
    return this.require(id);
  }

  setOcr(ocr: PageOcr, now: string): void {
    prepared(
      this.db,
      `INSERT INTO page_ocr (page_id, text, words, confidence, engine, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (page_id) DO UPDATE SET text = excluded.text, words = excluded.words,
           confidence = excluded.confidence, engine = excluded.engine, created_at = excluded.created_at`,
    ).run(ocr.pageId, ocr.text, JSON.stringify(ocr.words), ocr.confidence, ocr.engine, now);
  }

  getOcr(pageId: number): PageOcr | undefined {
    const row = prepared(
      this.db,
      'SELECT page_id, text, words, confidence, engine FROM page_ocr WHERE page_id = ?',
    ).get(pageId) as
      | { page_id: number; text: string; words: string; confidence: number; engine: string }
      | undefined;
    return (
      row && {
        pageId: row.page_id,
        text: row.text,
        words: JSON.parse(row.words) as OcrWord[],
        confidence: row.confidence,
        engine: row.engine,
      }
    );
  }
}
