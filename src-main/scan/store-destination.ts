/**
 * `--dossier CODE --component CODE`: each page goes into the dossier store the moment it arrives —
 * blob written and fsynced, then the blob and page rows in one transaction — appended to the
 * component's current document. The dossier and component are checked before the scanner starts.
 */
import { AppError } from '../domain/index.js';
import { openStore, type Store } from '../store/index.js';
import type { LandedPage, PageDestination, PageLocation } from './destination.js';
import type { DestinationJournal } from './landing-journal.js';
import type { AcquiredImage } from './types.js';

export class DossierDestination implements PageDestination {
  readonly #componentId: number;
  readonly journal: DestinationJournal;

  constructor(
    private readonly store: Store,
    private readonly MaHoSo: string,
    private readonly MaThanhPhanHoSo: string,
  ) {
    const dossier = store.dossiers.requireByCode(MaHoSo);
    const components = store.dossiers.components(dossier.id);
    const component = components.find((c) => c.MaThanhPhanHoSo === MaThanhPhanHoSo);
    if (!component) {
      throw new AppError(
        'NOT_FOUND',
        {
          vi: `Hồ sơ ${MaHoSo} không có thành phần ${MaThanhPhanHoSo} (có: ${components.map((c) => c.MaThanhPhanHoSo).join(', ') || 'không có'}).`,
          en: `Dossier ${MaHoSo} has no component ${MaThanhPhanHoSo} (has: ${components.map((c) => c.MaThanhPhanHoSo).join(', ') || 'none'}).`,
        },
        { details: { MaHoSo, MaThanhPhanHoSo } },
      );
    }
    this.#componentId = component.id;
    this.journal = {
      target: { kind: 'dossier', MaHoSo, MaThanhPhanHoSo },
      // page ids only grow, so "after the watermark" tells a retried page from an identical sheet
      watermark: () => Math.max(0, ...this.#pages().map((p) => p.id)),
      landedSince: (sha256, watermark) => {
        const page = this.#pages().find((p) => p.id > watermark && p.blobSha256 === sha256);
        return page && this.#location(page.id, page.blobSha256);
      },
    };
  }

  #pages() {
    return this.store.dossiers
      .documents(this.#componentId)
      .flatMap((d) => this.store.pages.list(d.id));
  }

  #location(pageId: number, blobSha256: string): PageLocation {
    return {
      dossier: this.MaHoSo,
      component: this.MaThanhPhanHoSo,
      pageId,
      blobSha256,
    };
  }

  async land(image: AcquiredImage): Promise<LandedPage> {
    const page = this.store.addPage({
      componentId: this.#componentId,
      bytes: image.bytes,
      mime: image.mime,
      width: image.width,
      height: image.height,
      dpi: image.dpi,
    });
    return { index: image.index, location: this.#location(page.id, page.blobSha256) };
  }
}

/** For one-shot callers (the CLI): opens the data directory's store and closes it afterwards. */
export async function openDossierDestination(
  dataDir: string,
  MaHoSo: string,
  MaThanhPhanHoSo: string,
): Promise<{ destination: PageDestination; close(): void }> {
  const store = await openStore(dataDir);
  try {
    return {
      destination: new DossierDestination(store, MaHoSo, MaThanhPhanHoSo),
      close: () => store.close(),
    };
  } catch (error) {
    store.close();
    throw error;
  }
}
