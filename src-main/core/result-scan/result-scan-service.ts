/**
 * Result papers scanned at the counter. A scan lands its pages in an unsaved scan: a document of
 * the dossier's result component (kept out of the checklist), so each page is durable the moment
 * it arrives and the page pipeline cleans it, reads it and indexes its text for search under the
 * dossier. A jam's Continue scans into the same unsaved scan, after its pages. Saving waits for
 * the pipeline, builds one searchable PDF from the processed pages (the same builder as a finished
 * dossier's documents) and records it as the dossier's result with the clerk's particulars; the
 * pages stay, so search keeps finding the text.
 */
import type { Dossier, DossierComponent, DossierDocument, PageState } from '../../domain/index.js';
import { AppError } from '../../domain/index.js';
import type { AppConfig } from '../../platform/index.js';
import type { Store } from '../../store/index.js';
import { parseInput } from '../dossiers/index.js';
import type { ResultView } from '../dossiers/index.js';
import { documentPdf } from '../finish/index.js';
import type { PipelineService } from '../pipeline/index.js';
import { ResultDestination } from './destination.js';
import { ResultScanTargetSchema, SaveResultScanSchema } from './input.js';
import type { ResultScanTarget, SaveResultScanInput } from './input.js';

/** How long saving waits for the pipeline to finish the scan's pages (OCR of a few pages). */
const SAVE_WAIT_MS = 5 * 60_000;
const DRAFT_TITLE = 'Giấy tờ kết quả';

export interface ResultScanDraft {
  documentId: number;
  MaHoSo: string;
  /** In scan order, with where the pipeline is with each. */
  pages: Array<{ pageId: number; state: PageState }>;
}

export interface ResultScanSettings {
  agency: AppConfig['agency'];
}

export class ResultScanService {
  /** Saves in progress per scan: a second press waits for the first instead of racing it. */
  readonly #saving = new Map<number, Promise<ResultView>>();

  constructor(
    readonly store: Store,
    private readonly pipeline: PipelineService,
    private readonly settings: () => ResultScanSettings,
  ) {}

  /**
   * Where a scan of a result paper lands: the unsaved scan named, or else the dossier's empty one
   * (a scan that never got a page, e.g. the scanner was off) or a new one.
   */
  destination(raw: ResultScanTarget, actor: string): ResultDestination {
    const input = parseInput(ResultScanTargetSchema, raw, {
      vi: 'Yêu cầu quét giấy tờ kết quả',
      en: 'result scan request',
    });
    const dossier = this.store.dossiers.requireByCode(input.MaHoSo);
    return this.store.transaction(() => {
      const component = this.store.dossiers.resultComponent(dossier.id);
      const doc =
        input.documentId !== undefined
          ? this.#unsaved(dossier, component, input.documentId)
          : (this.#unsavedScans(component).find((d) => this.store.pages.list(d.id).length === 0) ??
            this.store.addDocument(component.id, DRAFT_TITLE, actor));
      return new ResultDestination(this.store, dossier.MaHoSo, component.MaThanhPhanHoSo, doc.id);
    });
  }

  /** The dossier's scans with pages that are not saved as a result yet. */
  drafts(MaHoSo: string): ResultScanDraft[] {
    const dossier = this.store.dossiers.requireByCode(MaHoSo);
    const component = this.store.dossiers.findResultComponent(dossier.id);
    if (!component) return [];
    return this.#unsavedScans(component)
      .map((d) => ({
        documentId: d.id,
        MaHoSo: dossier.MaHoSo,
        pages: this.store.pages
          .list(d.id)
          .map((p) => ({ pageId: p.id, state: this.pipeline.page(p.id).state })),
      }))
      .filter((d) => d.pages.length > 0);
  }

  save(raw: SaveResultScanInput, actor: string): Promise<ResultView> {
    const input = parseInput(SaveResultScanSchema, raw, {
      vi: 'Giấy tờ kết quả',
      en: 'result paper',
    });
    const running = this.#saving.get(input.documentId);
    if (running) return running;
    const run = this.#save(input, actor).finally(() => this.#saving.delete(input.documentId));
    this.#saving.set(input.documentId, run);
    return run;
  }

  async #save(
    input: ReturnType<typeof SaveResultScanSchema.parse>,
    actor: string,
  ): Promise<ResultView> {
    const dossier = this.store.dossiers.requireByCode(input.MaHoSo);
    const component = this.#resultComponent(dossier);
    this.#unsaved(dossier, component, input.documentId);
    const pageIds = this.store.pages.list(input.documentId).map((p) => p.id);
    if (pageIds.length === 0) {
      throw new AppError(
        'VALIDATION',
        {
          vi: 'Chưa có trang nào của giấy tờ kết quả: bấm "Quét giấy tờ kết quả" trước khi lưu.',
          en: 'The result paper has no page yet: press "Scan result paper" before saving.',
        },
        { details: { documentId: input.documentId } },
      );
    }
    const records = await this.pipeline.waitFor(pageIds, { timeoutMs: SAVE_WAIT_MS });
    const failed = records.filter((r) => r.state === 'failed').map((r) => `#${r.pageId}`);
    if (failed.length > 0) {
      throw new AppError(
        'PAGES_FAILED_CONFLICT',
        {
          vi: `Không xử lý được trang ${failed.join(', ')} của giấy tờ kết quả: quét lại giấy tờ.`,
          en: `Page(s) ${failed.join(', ')} of the result paper could not be processed: scan the paper again.`,
        },
        { details: { documentId: input.documentId, pages: failed } },
      );
    }
    const { agency } = this.settings();
    const bytes = await documentPdf(this.pipeline, pageIds, {
      title: input.TenGiayTo.normalize('NFC'),
      MaHoSo: dossier.MaHoSo,
      MaTTHC: dossier.MaTTHC,
      ThanhPhanHoSo: DRAFT_TITLE,
      ...(agency.name ? { agency: agency.name } : {}),
    });
    // Another process may have saved it while the PDF was built.
    this.#unsaved(dossier, component, input.documentId);
    const owner = dossier.DinhDanhCHS?.SoDinhDanh;
    const result = this.store.addResult(
      {
        dossierId: dossier.id,
        documentId: input.documentId,
        TenGiayTo: input.TenGiayTo.normalize('NFC'),
        origin: 'handback',
        bytes,
        ...(input.MaKetQua ? { MaKetQua: input.MaKetQua } : {}),
        ...(input.SoGiayTo ? { SoGiayTo: input.SoGiayTo } : {}),
        ...(input.NgayCap ? { NgayCap: input.NgayCap } : {}),
        ...(owner ? { SoDinhDanhChuSoHuu: owner } : {}),
      },
      actor,
    );
    return { ...result, MaHoSo: dossier.MaHoSo, mime: 'application/pdf' };
  }

  /** The result scans' component, there once the dossier had a result paper scanned. */
  #resultComponent(dossier: Dossier): DossierComponent {
    const component = this.store.dossiers.findResultComponent(dossier.id);
    if (!component) {
      throw new AppError(
        'NOT_FOUND',
        {
          vi: `Hồ sơ ${dossier.MaHoSo} chưa có bản quét giấy tờ kết quả nào: quét giấy tờ trước.`,
          en: `Dossier ${dossier.MaHoSo} has no result paper scanned yet: scan the paper first.`,
        },
        { details: { MaHoSo: dossier.MaHoSo } },
      );
    }
    return component;
  }

  #unsavedScans(component: DossierComponent): DossierDocument[] {
    return this.store.dossiers
      .documents(component.id)
      .filter((d) => this.store.results.byDocument(d.id) === undefined);
  }

  /** The unsaved scan `documentId` of this dossier, or an error saying why it is not one. */
  #unsaved(dossier: Dossier, component: DossierComponent, documentId: number): DossierDocument {
    const doc = this.store.dossiers.documents(component.id).find((d) => d.id === documentId);
    if (!doc) {
      throw new AppError(
        'NOT_FOUND',
        {
          vi: `Hồ sơ ${dossier.MaHoSo} không có bản quét giấy tờ kết quả #${documentId}.`,
          en: `Dossier ${dossier.MaHoSo} has no result paper scan #${documentId}.`,
        },
        { details: { MaHoSo: dossier.MaHoSo, documentId } },
      );
    }
    const saved = this.store.results.byDocument(documentId);
    if (saved) {
      throw new AppError(
        'RESULT_SAVED_CONFLICT',
        {
          vi: `Bản quét #${documentId} đã được lưu thành giấy tờ kết quả "${saved.TenGiayTo}"; quét giấy tờ mới để thêm.`,
          en: `Scan #${documentId} is already saved as the result paper "${saved.TenGiayTo}"; scan a new paper to add one.`,
        },
        { details: { documentId, resultId: saved.id } },
      );
    }
    return doc;
  }
}
