/**
 * Where a rescan lands: in the component of the page it replaces, each page first appended the
 * usual durable way (so a crash never loses it), then put in the replaced page's place — which is
 * deleted the undoable way. More sheets than one (a feeder with two loaded) follow the first, in
 * order; none is dropped.
 */
import type { LandedPage, PageDestination } from '../../scan/index.js';
import { DossierDestination } from '../../scan/index.js';
import type { AcquiredImage } from '../../scan/index.js';
import type { PageReviewService } from './review-service.js';
import type { PagesChanged } from './types.js';

export class ReplacingDestination implements PageDestination {
  readonly #inner: DossierDestination;
  readonly #landed: number[] = [];

  constructor(
    private readonly review: PageReviewService,
    private readonly MaHoSo: string,
    private readonly targetPageId: number,
    private readonly actor: string,
    private readonly onChanged: (changed: PagesChanged) => void,
  ) {
    const { MaThanhPhanHoSo } = review.locate(MaHoSo, targetPageId);
    this.#inner = new DossierDestination(review.store, MaHoSo, MaThanhPhanHoSo);
  }

  get journal() {
    return this.#inner.journal;
  }

  async land(image: AcquiredImage): Promise<LandedPage> {
    const landed = await this.#inner.land(image);
    if (!('pageId' in landed.location)) return landed;
    const pageId = landed.location.pageId;
    const previous = this.#landed.at(-1);
    this.#landed.push(pageId);
    if (previous === undefined) {
      this.onChanged(this.review.replace(this.MaHoSo, this.targetPageId, [pageId], this.actor));
    } else {
      const { MaThanhPhanHoSo, index } = this.review.locate(this.MaHoSo, previous);
      this.onChanged(
        this.review.reorder(
          { MaHoSo: this.MaHoSo, MaThanhPhanHoSo, pageIds: [pageId], toIndex: index + 1 },
          this.actor,
        ),
      );
    }
    return landed;
  }
}
