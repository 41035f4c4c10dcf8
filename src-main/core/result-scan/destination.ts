/**
 * Where the pages of a result paper land while it is scanned: one document of the dossier's
 * result component, each page stored (blob fsynced, rows committed) the moment it arrives, so the
 * page pipeline cleans and reads it like any scanned page. A Continue after a jam lands in the
 * same document, after the pages already there.
 */
import type { Store } from '../../store/index.js';
import type { AcquiredImage, LandedPage, PageDestination } from '../../scan/index.js';

export class ResultDestination implements PageDestination {
  constructor(
    private readonly store: Store,
    private readonly MaHoSo: string,
    /** The result component's code, reported with each page so listeners can tell it apart. */
    readonly componentCode: string,
    readonly documentId: number,
  ) {}

  async land(image: AcquiredImage): Promise<LandedPage> {
    const page = this.store.addPage({
      documentId: this.documentId,
      bytes: image.bytes,
      mime: image.mime,
      width: image.width,
      height: image.height,
      dpi: image.dpi,
    });
    return {
      index: image.index,
      location: {
        dossier: this.MaHoSo,
        component: this.componentCode,
        pageId: page.id,
        blobSha256: page.blobSha256,
      },
    };
  }
}
