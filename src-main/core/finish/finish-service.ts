/**
 * Finishing a dossier at the counter (issue #9, step 4), in one call that can be interrupted and
 * called again: check it is ready (else an error listing every problem, vi + en), build one
 * searchable PDF per document from the processed pages, sign each with the station's certificate
 * (the password or PIN opens the signer once for the call and is never stored), render and store
 * the reception receipt, and queue the dossier for sync with an audit entry.
 *
 * Each step commits on its own: a PDF whose pages are unchanged since it was built (and signed,
 * when signing is configured) is kept, so a finish cut short resumes where it stopped.
 */
import type {
  ComponentWaiver,
  FinishedDocument,
  FinishResult,
  ReadyReport,
  ReceiptPaper,
} from '../../domain/index.js';
import { AppError } from '../../domain/index.js';
import type { Signer } from '../../pdf/index.js';
import type { AppConfig } from '../../platform/index.js';
import { FinishRepository } from '../../store/index.js';
import type { Store } from '../../store/index.js';
import type { PipelineService } from '../pipeline/index.js';
import { LazySigner, buildDocuments } from './documents.js';
import { checkReadiness } from './readiness.js';
import { renderReceipt } from './receipt.js';

export interface FinishOptions {
  /** The clerk's name, printed on the receipt. */
  clerk: string;
  /** The audit actor. */
  actor: string;
  paper?: ReceiptPaper;
  /** Opens the configured signer with the secret the clerk typed; required when signing is set up. */
  openSigner?: () => Promise<Signer>;
}

export interface FinishSettings {
  agency: AppConfig['agency'];
  signing: AppConfig['signing'];
}

export class FinishService {
  readonly #repo: FinishRepository;
  /** Finishes in progress per dossier: a second call waits for the first instead of racing it. */
  readonly #running = new Map<number, Promise<FinishResult>>();

  constructor(
    readonly store: Store,
    private readonly pipeline: PipelineService,
    private readonly settings: () => FinishSettings,
  ) {
    this.#repo = new FinishRepository(store.db);
  }

  checkReady(MaHoSo: string): ReadyReport {
    const dossier = this.store.dossiers.requireByCode(MaHoSo);
    return checkReadiness(this.store, this.#repo, this.pipeline, dossier);
  }

  /** Records that a required component is not handed in, and why (shown on the receipt). */
  waive(
    MaHoSo: string,
    MaThanhPhanHoSo: string,
    reason: string,
    clerk: string,
    actor: string,
  ): ReadyReport {
    const { dossier, component } = this.#component(MaHoSo, MaThanhPhanHoSo);
    const waiver: ComponentWaiver = { reason, clerk, createdAt: new Date().toISOString() };
    this.store.transaction(() => {
      this.#repo.setWaiver(component.id, waiver);
      this.store.audit.append(
        {
          actor,
          action: 'component.waive',
          dossierId: dossier.id,
          MaHoSo,
          details: { MaThanhPhanHoSo, reason },
        },
        waiver.createdAt,
      );
    });
    return this.checkReady(MaHoSo);
  }

  unwaive(MaHoSo: string, MaThanhPhanHoSo: string, actor: string): ReadyReport {
    const { dossier, component } = this.#component(MaHoSo, MaThanhPhanHoSo);
    this.store.transaction(() => {
      if (this.#repo.removeWaiver(component.id))
        this.store.audit.append(
          {
            actor,
            action: 'component.unwaive',
            dossierId: dossier.id,
            MaHoSo,
            details: { MaThanhPhanHoSo },
          },
          new Date().toISOString(),
        );
    });
    return this.checkReady(MaHoSo);
  }

  finish(MaHoSo: string, options: FinishOptions): Promise<FinishResult> {
    const dossier = this.store.dossiers.requireByCode(MaHoSo);
    const running = this.#running.get(dossier.id);
    if (running) return running;
    const run = this.#finish(MaHoSo, options).finally(() => this.#running.delete(dossier.id));
    this.#running.set(dossier.id, run);
    return run;
  }

  /** The stored receipt PDF. */
  receipt(MaHoSo: string): { sha256: string; paper: ReceiptPaper; bytes: Buffer } {
    const dossier = this.store.dossiers.requireByCode(MaHoSo);
    const receipt = this.#repo.receipt(dossier.id);
    if (!receipt) {
      throw new AppError(
        'NOT_FOUND',
        {
          vi: `Hồ sơ ${MaHoSo} chưa có giấy tiếp nhận: hoàn tất hồ sơ trước.`,
          en: `Dossier ${MaHoSo} has no receipt yet: finish it first.`,
        },
        { details: { MaHoSo } },
      );
    }
    return {
      sha256: receipt.sha256,
      paper: receipt.paper,
      bytes: this.store.blobs.read(receipt.sha256),
    };
  }

  #component(MaHoSo: string, code: string) {
    const dossier = this.store.dossiers.requireByCode(MaHoSo);
    const components = this.store.dossiers.components(dossier.id);
    const component = components.find((c) => c.MaThanhPhanHoSo === code);
    if (!component) {
      throw new AppError(
        'NOT_FOUND',
        {
          vi: `Hồ sơ ${MaHoSo} không có thành phần ${code} (có: ${components.map((c) => c.MaThanhPhanHoSo).join(', ')}).`,
          en: `Dossier ${MaHoSo} has no component ${code} (has: ${components.map((c) => c.MaThanhPhanHoSo).join(', ')}).`,
        },
        { details: { MaHoSo, MaThanhPhanHoSo: code } },
      );
    }
    return { dossier, component };
  }

  async #finish(MaHoSo: string, options: FinishOptions): Promise<FinishResult> {
    const report = this.checkReady(MaHoSo);
    if (!report.ready) {
      throw new AppError(
        'FINISH_CONFLICT',
        {
          vi: `Chưa hoàn tất được hồ sơ ${MaHoSo}: ${report.problems.map((p) => p.vi).join(' ')}`,
          en: `Dossier ${MaHoSo} cannot be finished yet: ${report.problems.map((p) => p.en).join(' ')}`,
        },
        { details: { problems: report.problems } },
      );
    }
    const { signing, agency } = this.settings();
    const signs = signing.provider !== 'none';
    if (signs && !options.openSigner) {
      throw new AppError('SIGNING_SECRET_VALIDATION', {
        vi: 'Nhập mật khẩu chứng thư số hoặc mã PIN của thiết bị ký để ký hồ sơ.',
        en: "Enter the certificate's password or the token's PIN to sign the dossier.",
      });
    }
    const dossier = this.store.dossiers.requireByCode(MaHoSo);
    const signer = signs && options.openSigner ? new LazySigner(options.openSigner) : undefined;
    try {
      const documents = await buildDocuments(this.store, this.pipeline, dossier, {
        agency,
        actor: options.actor,
        ...(signer
          ? {
              signing: { signer, settings: signing, reason: 'Hồ sơ tiếp nhận tại bộ phận một cửa' },
            }
          : {}),
      });
      const paper = options.paper ?? this.#repo.receipt(dossier.id)?.paper ?? 'A4';
      const receipt = await this.#storeReceipt(dossier.id, report, options.clerk, paper);
      const syncState = this.#queue(dossier.id, MaHoSo, documents, options.actor);
      return { MaHoSo, documents, receipt: { sha256: receipt, paper }, syncState };
    } finally {
      await signer?.close();
    }
  }

  async #storeReceipt(
    dossierId: number,
    report: ReadyReport,
    clerk: string,
    paper: ReceiptPaper,
  ): Promise<string> {
    const d = this.store.dossiers.require(dossierId);
    const agencyName =
      this.settings().agency.name ??
      this.store.catalog.agencies().find((a) => a.MaDinhDanh === d.NoiNopHoSo)?.TenDonVi ??
      d.NoiNopHoSo;
    const bytes = await renderReceipt(
      {
        agencyName,
        MaHoSo: d.MaHoSo,
        TenTTHC: d.TenTTHC,
        MaTTHC: d.MaTTHC,
        ChuHoSo: d.ChuHoSo,
        ...(d.DinhDanhCHS ? { SoDinhDanh: d.DinhDanhCHS.SoDinhDanh } : {}),
        ...(d.DiaChi ? { DiaChi: d.DiaChi } : {}),
        ...(d.SoDienThoai ? { SoDienThoai: d.SoDienThoai } : {}),
        ...(d.Email ? { Email: d.Email } : {}),
        NgayTiepNhan: d.NgayTiepNhan,
        ...(d.NgayHenTra ? { NgayHenTra: d.NgayHenTra } : {}),
        components: report.components
          .filter((c) => c.pages > 0 || c.waiver)
          .map((c) => ({
            TenThanhPhanHoSo: c.TenThanhPhanHoSo,
            pages: c.pages,
            ...(c.waiver ? { waived: c.waiver.reason } : {}),
          })),
        clerk,
      },
      paper,
    );
    const blob = this.store.blobs.put(bytes);
    this.store.transaction(() => {
      const now = new Date().toISOString();
      this.store.blobs.restore(blob.sha256, bytes);
      this.#repo.addBlobRow(blob.sha256, blob.size, now);
      this.#repo.setReceipt(dossierId, { sha256: blob.sha256, paper, clerk, createdAt: now });
    });
    return blob.sha256;
  }

  #queue(
    dossierId: number,
    MaHoSo: string,
    documents: readonly FinishedDocument[],
    actor: string,
  ): FinishResult['syncState'] {
    return this.store.transaction(() => {
      const now = new Date().toISOString();
      this.store.dossiers.setSyncState(dossierId, 'queued', now);
      this.store.audit.append(
        {
          actor,
          action: 'dossier.finish',
          dossierId,
          MaHoSo,
          details: {
            documents: documents.map((d) => ({
              documentId: d.documentId,
              sha256: d.pdfSha256,
              signed: d.signed,
            })),
          },
        },
        now,
      );
      return 'queued';
    });
  }
}
