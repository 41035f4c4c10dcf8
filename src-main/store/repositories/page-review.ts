/**
 * The rows behind page review: a component's visible pages in reading order, their placement
 * (document and position), and soft deletion with the place each page had, for undo. Single
 * statements; the caller (core/review) runs them inside one `store.transaction`.
 */
import type { Page } from '../../domain/index.js';
import { AppError } from '../../domain/index.js';
import type { Db } from '../connection.js';
import { SearchIndexer } from '../search/index.js';
import { prepared } from '../statements.js';
import { PageRepository } from './pages.js';

export type DeletionReason = 'deleted' | 'replaced';

export interface PageDeletion {
  pageId: number;
  dossierId: number;
  componentId: number;
  /** One clerk action: every page deleted together is restored together. */
  actionId: string;
  reason: DeletionReason;
  /** 0-based place in the component when the page was deleted. */
  place: number;
  deletedAt: string;
  actor: string;
}

interface DeletionRow {
  page_id: number;
  dossier_id: number;
  component_id: number;
  action_id: string;
  reason: DeletionReason;
  place: number;
  deleted_at: string;
  actor: string;
}

function toDeletion(r: DeletionRow): PageDeletion {
  return {
    pageId: r.page_id,
    dossierId: r.dossier_id,
    componentId: r.component_id,
    actionId: r.action_id,
    reason: r.reason,
    place: r.place,
    deletedAt: r.deleted_at,
    actor: r.actor,
  };
}

export interface PagePlacement {
  pageId: number;
  documentId: number;
}

export class PageReviewRepository {
  readonly #pages: PageRepository;
  readonly #search: SearchIndexer;

  constructor(private readonly db: Db) {
    this.#pages = new PageRepository(db);
    this.#search = new SearchIndexer(db);
  }

  /** Where a page is filed (deleted pages too). */
  placeOf(pageId: number): { componentId: number; dossierId: number; deleted: boolean } {
    const row = prepared(
      this.db,
      `SELECT d.component_id, c.dossier_id, p.deleted_at FROM pages p
         JOIN documents d ON d.id = p.document_id JOIN components c ON c.id = d.component_id
        WHERE p.id = ?`,
    ).get(pageId) as
      { component_id: number; dossier_id: number; deleted_at: string | null } | undefined;
    if (!row)
      throw new AppError(
        'NOT_FOUND',
        { vi: `Không có trang #${pageId}`, en: `No page #${pageId}` },
        { details: { pageId } },
      );
    return {
      componentId: row.component_id,
      dossierId: row.dossier_id,
      deleted: row.deleted_at !== null,
    };
  }

  /** The component's pages a clerk sees, in reading order (documents, then pages). */
  componentPages(componentId: number): Page[] {
    const ids = prepared(
      this.db,
      `SELECT p.id FROM pages p JOIN documents d ON d.id = p.document_id
        WHERE d.component_id = ? AND p.deleted_at IS NULL
        ORDER BY d.position, d.id, p.position, p.id`,
    ).all(componentId) as Array<{ id: number }>;
    return ids.map((r) => this.#pages.require(r.id));
  }

  /** Files the pages in this order: each into its document, positions 1, 2, … per document. */
  arrange(placements: readonly PagePlacement[]): void {
    const next = new Map<number, number>();
    const update = prepared(this.db, 'UPDATE pages SET document_id = ?, position = ? WHERE id = ?');
    for (const { pageId, documentId } of placements) {
      const position = (next.get(documentId) ?? 0) + 1;
      next.set(documentId, position);
      update.run(documentId, position, pageId);
    }
  }

  /** Hides a page and remembers where it stood; its search text goes with it. */
  hide(deletion: PageDeletion): void {
    prepared(this.db, 'UPDATE pages SET deleted_at = ? WHERE id = ?').run(
      deletion.deletedAt,
      deletion.pageId,
    );
    prepared(
      this.db,
      `INSERT INTO page_deletions (page_id, dossier_id, component_id, action_id, reason, place, deleted_at, actor)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      deletion.pageId,
      deletion.dossierId,
      deletion.componentId,
      deletion.actionId,
      deletion.reason,
      deletion.place,
      deletion.deletedAt,
      deletion.actor,
    );
    this.#search.indexPage(deletion.pageId, deletion.dossierId, '');
  }

  /** Shows a hidden page again (the caller then files it back in its place) and re-indexes it. */
  unhide(deletion: PageDeletion): void {
    prepared(this.db, 'UPDATE pages SET deleted_at = NULL WHERE id = ?').run(deletion.pageId);
    prepared(this.db, 'DELETE FROM page_deletions WHERE page_id = ?').run(deletion.pageId);
    const text = this.#pages.getOcr(deletion.pageId)?.text ?? '';
    this.#search.indexPage(deletion.pageId, deletion.dossierId, text);
  }

  /** The dossier's deleted pages, newest action first. */
  deletions(dossierId: number): PageDeletion[] {
    return (
      prepared(this.db, 'SELECT * FROM page_deletions WHERE dossier_id = ? ORDER BY id DESC').all(
        dossierId,
      ) as DeletionRow[]
    ).map(toDeletion);
  }
}
