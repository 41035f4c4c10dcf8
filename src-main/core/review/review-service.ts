/**
 * Page review of one data directory: list a dossier's pages per component with their flags,
 * render them, and carry out the clerk's edits — rotate, delete (undoable), reorder, move to
 * another component, replace by a rescan. Each edit is checked first (every page must be a
 * visible page of the named dossier), then done with its audit row in one transaction.
 */
import { randomUUID } from 'node:crypto';
import type {
  Dossier,
  DossierComponent,
  Page,
  PageProcessing,
  Rotation,
} from '../../domain/index.js';
import { AppError } from '../../domain/index.js';
import type { PageDeletion, Store } from '../../store/index.js';
import { PageProcessingRepository, PageReviewRepository } from '../../store/index.js';
import { moveTo, placements } from './arrange.js';
import type {
  DeletePagesInput,
  MovePagesInput,
  PageImageInput,
  ReorderPagesInput,
  RotatePagesInput,
  UndoDeleteInput,
} from './input.js';
import { PageImages } from './page-images.js';
import type {
  PageImage,
  PageListing,
  PagesChanged,
  PageText,
  ReviewPage,
  UndoableDeletion,
} from './types.js';

/** What review needs of the page pipeline: re-running a page the clerk turned. */
export interface PageReprocessor {
  /** Turns the page clockwise from how it is shown now and queues it again (pipeline). */
  reprocessPage(pageId: number, options: { turn: 90 | 180 | 270 }): unknown;
}

export interface PageReviewOptions {
  /** Mean OCR confidence (0..1) under which a page is flagged. */
  lowConfidence: number;
  /** The pipeline, once running; without it a rotation is only recorded. */
  pipeline?: () => Promise<PageReprocessor>;
  now?: () => Date;
}

/** Pipeline flags that ask a person to look, besides blank and low confidence. */
const REVIEW_FLAGS = new Set(['skewed', 'low-dpi', 'field-invalid', 'orientation-unsure']);

export class PageReviewService {
  readonly #rows: PageReviewRepository;
  readonly #processing: PageProcessingRepository;
  readonly #images = new PageImages();
  readonly #now: () => Date;

  constructor(
    readonly store: Store,
    private readonly options: PageReviewOptions,
  ) {
    this.#rows = new PageReviewRepository(store.db);
    this.#processing = new PageProcessingRepository(store.db);
    this.#now = options.now ?? (() => new Date());
  }

  list(MaHoSo: string): PageListing {
    const dossier = this.store.dossiers.requireByCode(MaHoSo);
    const components = this.store.dossiers.components(dossier.id).map((c) => ({
      MaThanhPhanHoSo: c.MaThanhPhanHoSo,
      TenThanhPhanHoSo: c.TenThanhPhanHoSo,
      BatBuoc: c.BatBuoc,
      pages: this.#rows
        .componentPages(c.id)
        .map((page, index) => this.#reviewPage(page, c.MaThanhPhanHoSo, index)),
    }));
    const undo = this.#lastDeletion(dossier.id);
    return { MaHoSo: dossier.MaHoSo, components, ...(undo ? { undo } : {}) };
  }

  /** The processed image once the pipeline is done with the page, else the scan turned. */
  async image({ MaHoSo, pageId, size }: PageImageInput): Promise<PageImage> {
    const page = this.#visiblePages(this.store.dossiers.requireByCode(MaHoSo), [pageId])[0];
    if (!page) throw noPage(MaHoSo, pageId);
    const processed = this.#processed(pageId);
    const sha256 =
      processed && size === 'thumbnail' && processed.thumbnailSha256
        ? processed.thumbnailSha256
        : (processed?.processed?.sha256 ?? page.blobSha256);
    return this.#images.render(
      {
        pageId,
        version: versionOf(page, processed),
        rotation: processed ? 0 : page.rotation,
        bytes: () => this.store.blobs.read(sha256),
      },
      size,
    );
  }

  text(MaHoSo: string, pageId: number): PageText {
    this.#visiblePages(this.store.dossiers.requireByCode(MaHoSo), [pageId]);
    const ocr = this.store.pages.getOcr(pageId);
    return ocr
      ? { pageId, text: ocr.text, confidence: ocr.confidence, engine: ocr.engine }
      : { pageId };
  }

  /** Turns pages; the pipeline (when running) processes them again from the original. */
  async rotate(
    { MaHoSo, pageIds, degrees }: RotatePagesInput,
    actor: string,
  ): Promise<PagesChanged> {
    const pipeline = await this.options.pipeline?.();
    return this.#edit(MaHoSo, 'rotate', pageIds, actor, (dossier) => {
      const rotations = this.#visiblePages(dossier, pageIds).map((page) => {
        if (pipeline) pipeline.reprocessPage(page.id, { turn: degrees });
        else this.store.pages.update(page.id, { rotation: turned(page.rotation, degrees) });
        const to = this.store.pages.require(page.id).rotation;
        return { pageId: page.id, from: page.rotation, to };
      });
      return { degrees, rotations };
    });
  }

  delete(
    { MaHoSo, pageIds }: DeletePagesInput,
    actor: string,
  ): PagesChanged & { actionId: string } {
    const actionId = randomUUID();
    const changed = this.#edit(MaHoSo, 'delete', pageIds, actor, (dossier, now) => {
      this.#visiblePages(dossier, pageIds);
      this.#hide(dossier, pageIds, { actionId, reason: 'deleted', actor, deletedAt: now });
      return { actionId };
    });
    return { ...changed, actionId };
  }

  undoDelete({ MaHoSo, actionId }: UndoDeleteInput, actor: string): PagesChanged {
    const dossier = this.store.dossiers.requireByCode(MaHoSo);
    const deletions = this.#rows.deletions(dossier.id);
    const wanted = actionId ?? deletions[0]?.actionId;
    const restoring = deletions.filter((d) => d.actionId === wanted);
    if (!wanted || restoring.length === 0) {
      throw new AppError(
        'NOT_FOUND',
        {
          vi: `Hồ sơ ${MaHoSo} không có thao tác xóa trang nào để hoàn tác`,
          en: `Dossier ${MaHoSo} has no page deletion to undo`,
        },
        { details: { MaHoSo, actionId } },
      );
    }
    const pageIds = restoring.map((d) => d.pageId);
    return this.#edit(MaHoSo, 'restore', pageIds, actor, () => {
      // Lowest place first, so each page finds the neighbours it had.
      for (const deletion of [...restoring].sort((a, b) => a.place - b.place)) {
        this.#rows.unhide(deletion);
        this.#insert(deletion.componentId, [deletion.pageId], deletion.place);
      }
      return { actionId: wanted };
    });
  }

  reorder(
    { MaHoSo, MaThanhPhanHoSo, pageIds, toIndex }: ReorderPagesInput,
    actor: string,
  ): PagesChanged {
    return this.#edit(MaHoSo, 'reorder', pageIds, actor, (dossier) => {
      const component = requireComponent(this.store, dossier, MaThanhPhanHoSo);
      const pages = this.#rows.componentPages(component.id);
      const present = new Set(pages.map((p) => p.id));
      const strangers = pageIds.filter((id) => !present.has(id));
      if (strangers.length > 0) {
        throw new AppError(
          'VALIDATION',
          {
            vi: `Trang ${strangers.join(', ')} không thuộc thành phần ${MaThanhPhanHoSo}; dùng "chuyển thành phần" để chuyển trang giữa các thành phần`,
            en: `Page(s) ${strangers.join(', ')} are not in component ${MaThanhPhanHoSo}; use "move to component" to move pages between components`,
          },
          { details: { MaHoSo, MaThanhPhanHoSo, pageIds: strangers } },
        );
      }
      const from = pages.map((p) => p.id);
      const moving = from.filter((id) => pageIds.includes(id));
      const order = moveTo(from, moving, toIndex);
      this.#file(component.id, pages, order, new Set(moving));
      return { MaThanhPhanHoSo, toIndex, before: from };
    });
  }

  move({ MaHoSo, pageIds, toComponent, toIndex }: MovePagesInput, actor: string): PagesChanged {
    return this.#edit(MaHoSo, 'move', pageIds, actor, (dossier) => {
      const target = requireComponent(this.store, dossier, toComponent);
      const pages = this.#visiblePages(dossier, pageIds);
      const sources = new Set(pages.map((p) => this.#rows.placeOf(p.id).componentId));
      // Reading order within the dossier decides the order the moved pages keep.
      const moving = this.store.dossiers
        .components(dossier.id)
        .flatMap((c) => this.#rows.componentPages(c.id).map((p) => p.id))
        .filter((id) => pageIds.includes(id));
      this.#insert(target.id, moving, toIndex ?? Number.MAX_SAFE_INTEGER);
      for (const source of sources) {
        if (source === target.id) continue;
        const rest = this.#rows.componentPages(source);
        this.#rows.arrange(rest.map((p) => ({ pageId: p.id, documentId: p.documentId })));
      }
      return { toComponent, toIndex: toIndex ?? null };
    });
  }

  /** Where a visible page of the dossier stands: its component and 0-based place there. */
  locate(MaHoSo: string, pageId: number): { MaThanhPhanHoSo: string; index: number } {
    this.#visiblePages(this.store.dossiers.requireByCode(MaHoSo), [pageId]);
    const { componentId } = this.#rows.placeOf(pageId);
    return {
      MaThanhPhanHoSo: this.store.dossiers.component(componentId).MaThanhPhanHoSo,
      index: this.#rows.componentPages(componentId).findIndex((p) => p.id === pageId),
    };
  }

  /**
   * Puts `newPageIds` (just landed by a rescan, in order) where `targetPageId` stands and deletes
   * the target the undoable way; pages after the first follow it.
   */
  replace(MaHoSo: string, targetPageId: number, newPageIds: number[], actor: string): PagesChanged {
    const actionId = randomUUID();
    return this.#edit(MaHoSo, 'replace', [targetPageId, ...newPageIds], actor, (dossier, now) => {
      const [target] = this.#visiblePages(dossier, [targetPageId]);
      this.#visiblePages(dossier, newPageIds);
      const { componentId } = this.#rows.placeOf(targetPageId);
      const place = this.#rows.componentPages(componentId).findIndex((p) => p.id === target?.id);
      this.#hide(dossier, [targetPageId], { actionId, reason: 'replaced', actor, deletedAt: now });
      this.#insert(componentId, newPageIds, place);
      return { actionId, replaced: targetPageId, by: newPageIds };
    });
  }

  /** Checks the dossier, runs `change` and its audit row in one transaction. */
  #edit(
    MaHoSo: string,
    action: PagesChanged['action'],
    pageIds: number[],
    actor: string,
    change: (dossier: Dossier, now: string) => Record<string, unknown>,
  ): PagesChanged {
    return this.store.transaction(() => {
      const dossier = this.store.dossiers.requireByCode(MaHoSo);
      const now = this.#now().toISOString();
      const details = change(dossier, now);
      this.store.audit.append(
        {
          actor,
          action: `page.${action}`,
          dossierId: dossier.id,
          MaHoSo: dossier.MaHoSo,
          details: { pageIds, ...details },
        },
        now,
      );
      return { MaHoSo: dossier.MaHoSo, action, pageIds };
    });
  }

  /** The pages, each a visible page of `dossier`, else nothing is done and the error names them. */
  #visiblePages(dossier: Dossier, pageIds: readonly number[]): Page[] {
    const wrong = pageIds.filter((id) => {
      const page = this.store.pages.get(id);
      if (!page) return true;
      const place = this.#rows.placeOf(id);
      return place.dossierId !== dossier.id || place.deleted;
    });
    if (wrong.length > 0) throw noPage(dossier.MaHoSo, ...wrong);
    return pageIds.map((id) => this.store.pages.require(id));
  }

  #hide(
    dossier: Dossier,
    pageIds: readonly number[],
    action: Pick<PageDeletion, 'actionId' | 'reason' | 'actor' | 'deletedAt'>,
  ): void {
    // Places in the order before this action, so undo (lowest place first) rebuilds it exactly.
    const hiding = pageIds.map((pageId) => {
      const { componentId } = this.#rows.placeOf(pageId);
      const place = this.#rows.componentPages(componentId).findIndex((p) => p.id === pageId);
      return { ...action, pageId, dossierId: dossier.id, componentId, place };
    });
    const touched = new Set<number>();
    for (const deletion of hiding) {
      this.#rows.hide(deletion);
      touched.add(deletion.componentId);
    }
    for (const componentId of touched) {
      const rest = this.#rows.componentPages(componentId);
      this.#rows.arrange(rest.map((p) => ({ pageId: p.id, documentId: p.documentId })));
    }
  }

  /** Files `pageIds` into the component from `index` on (clamped to its end). */
  #insert(componentId: number, pageIds: readonly number[], index: number): void {
    const incoming = new Set(pageIds);
    const pages = this.#rows.componentPages(componentId).filter((p) => !incoming.has(p.id));
    const order = moveTo(
      pages.map((p) => p.id),
      pageIds,
      index,
    );
    this.#file(componentId, pages, order, incoming);
  }

  #file(componentId: number, settled: readonly Page[], order: number[], moved: Set<number>): void {
    const documentOf = new Map(settled.map((p) => [p.id, p.documentId]));
    const fallback =
      this.store.dossiers.documents(componentId).at(-1)?.id ??
      this.store.dossiers.addDocument(
        componentId,
        this.store.dossiers.component(componentId).TenThanhPhanHoSo,
        this.#now().toISOString(),
      ).id;
    this.#rows.arrange(placements(order, documentOf, moved, fallback));
  }

  /** The pipeline's record when it has finished this version of the page. */
  #processed(pageId: number): PageProcessing | undefined {
    const record = this.#processing.get(pageId);
    return record?.state === 'done' ? record : undefined;
  }

  #reviewPage(page: Page, MaThanhPhanHoSo: string, index: number): ReviewPage {
    const record = this.#processing.get(page.id);
    const flags = record?.flags ?? [];
    const confidence = record?.ocrConfidence ?? this.store.pages.getOcr(page.id)?.confidence;
    const blank = page.blank || flags.includes('blank');
    return {
      id: page.id,
      MaThanhPhanHoSo,
      index,
      rotation: page.rotation,
      blank,
      lowConfidence:
        flags.includes('low-ocr-confidence') ||
        (confidence !== undefined && !blank && confidence < this.options.lowConfidence),
      needsReview: page.needsReview || flags.some((f) => REVIEW_FLAGS.has(f)),
      flags,
      processing: record?.state ?? 'pending',
      version: versionOf(page, record?.state === 'done' ? record : undefined),
      acquiredAt: page.acquiredAt,
      ...(confidence !== undefined ? { ocrConfidence: confidence } : {}),
      ...(page.width !== undefined ? { width: page.width } : {}),
      ...(page.height !== undefined ? { height: page.height } : {}),
      ...(page.dpi !== undefined ? { dpi: page.dpi } : {}),
    };
  }

  #lastDeletion(dossierId: number): UndoableDeletion | undefined {
    const deletions = this.#rows.deletions(dossierId);
    const last = deletions[0];
    if (!last) return undefined;
    return {
      actionId: last.actionId,
      reason: last.reason,
      deletedAt: last.deletedAt,
      pageIds: deletions.filter((d) => d.actionId === last.actionId).map((d) => d.pageId),
    };
  }
}

/** Changes with the image shown: the processed one once done, else the scan and its turn. */
function versionOf(page: Page, processed: PageProcessing | undefined): string {
  const image = processed?.processed?.sha256 ?? page.blobSha256;
  return `${image.slice(0, 16)}-${processed ? 'p' : page.rotation}`;
}

function turned(rotation: Rotation, degrees: 90 | 180 | 270): Rotation {
  return ((rotation + degrees) % 360) as Rotation;
}

function requireComponent(store: Store, dossier: Dossier, code: string): DossierComponent {
  const components = store.dossiers.components(dossier.id);
  const component = components.find((c) => c.MaThanhPhanHoSo === code);
  if (component) return component;
  throw new AppError(
    'NOT_FOUND',
    {
      vi: `Hồ sơ ${dossier.MaHoSo} không có thành phần ${code} (có: ${components.map((c) => c.MaThanhPhanHoSo).join(', ') || 'không có'})`,
      en: `Dossier ${dossier.MaHoSo} has no component ${code} (has: ${components.map((c) => c.MaThanhPhanHoSo).join(', ') || 'none'})`,
    },
    { details: { MaHoSo: dossier.MaHoSo, MaThanhPhanHoSo: code } },
  );
}

function noPage(MaHoSo: string, ...pageIds: number[]): AppError {
  return new AppError(
    'NOT_FOUND',
    {
      vi: `Hồ sơ ${MaHoSo} không có trang ${pageIds.map((id) => `#${id}`).join(', ')} (hoặc trang đã bị xóa)`,
      en: `Dossier ${MaHoSo} has no page ${pageIds.map((id) => `#${id}`).join(', ')} (or it was deleted)`,
    },
    { details: { MaHoSo, pageIds } },
  );
}
