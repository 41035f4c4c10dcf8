/**
 * Keeps search_fts in step with dossiers and OCR text. Called inside the writer's transaction
 * whenever the indexed text changes, so the index never disagrees with the rows after a crash.
 */
import type { Dossier } from '../../domain/index.js';
import { foldVietnamese } from '../../domain/index.js';
import type { Db } from '../connection.js';
import { prepared } from '../statements.js';

/** The searchable text of a dossier; the same composition is rebuilt for snippets. */
export function dossierSearchText(
  d: Pick<Dossier, 'MaHoSo' | 'ChuHoSo' | 'TenTTHC' | 'TrichYeuHoSo' | 'DiaChi' | 'DinhDanhCHS'>,
): string {
  return [d.MaHoSo, d.ChuHoSo, d.TenTTHC, d.TrichYeuHoSo, d.DinhDanhCHS?.SoDinhDanh, d.DiaChi]
    .filter((s): s is string => typeof s === 'string' && s.length > 0)
    .join(' · ')
    .normalize('NFC');
}

export class SearchIndexer {
  constructor(private readonly db: Db) {}

  indexDossier(d: Dossier): void {
    prepared(this.db, 'DELETE FROM search_fts WHERE rowid = ?').run(-d.id);
    prepared(this.db, 'INSERT INTO search_fts (rowid, folded, dossier_id) VALUES (?, ?, ?)').run(
      -d.id,
      foldVietnamese(dossierSearchText(d)),
      d.id,
    );
  }

  indexPage(pageId: number, dossierId: number, text: string): void {
    prepared(this.db, 'DELETE FROM search_fts WHERE rowid = ?').run(pageId);
    if (text.trim())
      prepared(this.db, 'INSERT INTO search_fts (rowid, folded, dossier_id) VALUES (?, ?, ?)').run(
        pageId,
        foldVietnamese(text),
        dossierId,
      );
  }

  /** Rebuilds the whole index from the rows (doctor's repair, or after a catalog of changes). */
  rebuild(dossiers: Iterable<Dossier>): void {
    this.db.exec('DELETE FROM search_fts');
    for (const d of dossiers) this.indexDossier(d);
    const pages = prepared(
      this.db,
      `SELECT o.page_id, o.text, c.dossier_id FROM page_ocr o JOIN pages p ON p.id = o.page_id
         JOIN documents doc ON doc.id = p.document_id JOIN components c ON c.id = doc.component_id`,
    ).iterate() as Iterable<{ page_id: number; text: string; dossier_id: number }>;
    for (const p of pages) this.indexPage(p.page_id, p.dossier_id, p.text);
  }
}
