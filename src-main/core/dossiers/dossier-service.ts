/**
 * The dossier application service: receiving a dossier at the counter (code, components from the
 * procedure's checklist, NgayHenTra in working days), listing, showing, searching, exporting and
 * changing status. Inputs are validated here, whoever calls (UI, CLI, HTTP).
 */
import type {
  Dossier,
  DossierComponent,
  DossierDocument,
  DossierResult,
  DossierStatus,
  Page,
} from '../../domain/index.js';
import {
  AppError,
  STATUS_RECEIVED,
  addWorkingDays,
  fromGatewayTimestamp,
  isDossierStatus,
  parseIdentityNumber,
  SafeNameSchema,
  toGatewayTimestamp,
} from '../../domain/index.js';
import type { SearchHit, Store } from '../../store/index.js';
import { exportDossier } from './export.js';
import {
  AddResultInputSchema,
  DossierQuerySchema,
  FindResultsInputSchema,
  NewDossierInputSchema,
  ReuseInputSchema,
  SearchInputSchema,
  parseInput,
} from './input.js';
import type {
  AddResultInput,
  DossierQuery,
  FindResultsInput,
  NewDossierInput,
  ReuseInput,
  SearchInput,
} from './input.js';
import { addResult, findResults, resultFile } from './results.js';
import type { ResultView } from './results.js';
import { reuseIntoDossier } from './reuse.js';

export interface DossierDetail {
  dossier: Dossier;
  components: Array<DossierComponent & { documents: Array<DossierDocument & { pages: Page[] }> }>;
  results: DossierResult[];
  /** Required components that have no page yet. */
  missingRequired: string[];
}

export interface DossierServiceOptions {
  /** The station's agency (config agency.code), the default NoiNopHoSo. */
  agency?: string;
  now?: () => Date;
}

export class DossierService {
  private readonly now: () => Date;

  constructor(
    readonly store: Store,
    private readonly options: DossierServiceOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  create(raw: NewDossierInput, actor: string): DossierDetail {
    const input = parseInput(NewDossierInputSchema, raw, {
      vi: 'Dữ liệu hồ sơ mới',
      en: 'new dossier data',
    });
    const NoiNopHoSo = input.NoiNopHoSo ?? this.options.agency;
    if (!NoiNopHoSo) {
      throw new AppError('VALIDATION', {
        vi: 'Chưa có mã đơn vị tiếp nhận: đặt agency.code trong cấu hình hoặc nhập NoiNopHoSo',
        en: 'No receiving agency: set agency.code in the configuration or give NoiNopHoSo',
      });
    }
    const identity = input.SoDinhDanh
      ? parseIdentityNumber(input.SoDinhDanh, input.NamSinh)
      : undefined;
    const procedure = this.store.catalog.requireProcedure(input.MaTTHC);
    const received = input.NgayTiepNhan ? fromGatewayTimestamp(input.NgayTiepNhan) : this.now();
    const { dossier } = this.store.createDossier(
      {
        MaTTHC: procedure.MaTTHC,
        TenTTHC: procedure.TenTTHC,
        MaLinhVuc: procedure.MaLinhVuc,
        TenLinhVuc: procedure.TenLinhVuc,
        ChuHoSo: input.ChuHoSo.normalize('NFC'),
        LoaiDoiTuong: input.LoaiDoiTuong,
        ...(identity
          ? {
              DinhDanhCHS: { LoaiDinhDanh: identity.LoaiDinhDanh, SoDinhDanh: identity.SoDinhDanh },
            }
          : {}),
        ...(input.SoDienThoai ? { SoDienThoai: input.SoDienThoai } : {}),
        ...(input.Email ? { Email: input.Email } : {}),
        ...(input.DiaChi ? { DiaChi: input.DiaChi.normalize('NFC') } : {}),
        ...(input.TrichYeuHoSo ? { TrichYeuHoSo: input.TrichYeuHoSo.normalize('NFC') } : {}),
        NoiNopHoSo,
        DonViXuLy: input.DonViXuLy ?? NoiNopHoSo,
        KenhThucHien: input.KenhThucHien,
        NgayTiepNhan: toGatewayTimestamp(received),
        ...(procedure.ThoiHanGiaiQuyet !== undefined
          ? { NgayHenTra: toGatewayTimestamp(addWorkingDays(received, procedure.ThoiHanGiaiQuyet)) }
          : {}),
        TrangThaiHoSo: STATUS_RECEIVED,
        components: procedure.ThanhPhanHoSo.map((c) => ({
          MaThanhPhanHoSo: c.MaThanhPhanHoSo,
          TenThanhPhanHoSo: c.TenThanhPhanHoSo,
          BatBuoc: c.BatBuoc,
        })),
      },
      actor,
    );
    return this.show(dossier.MaHoSo);
  }

  list(raw: DossierQuery = {}): Dossier[] {
    return this.store.dossiers.list(
      parseInput(DossierQuerySchema, raw, { vi: 'Bộ lọc', en: 'filter' }),
    );
  }

  show(code: string): DossierDetail {
    const dossier = this.store.dossiers.requireByCode(code);
    const components = this.store.dossiers.components(dossier.id).map((c) => ({
      ...c,
      documents: this.store.dossiers
        .documents(c.id)
        .map((d) => ({ ...d, pages: this.store.pages.list(d.id) })),
    }));
    return {
      dossier,
      components,
      results: this.store.results.byDossier(dossier.id),
      missingRequired: components
        .filter((c) => c.BatBuoc && c.documents.every((d) => d.pages.length === 0))
        .map((c) => c.MaThanhPhanHoSo),
    };
  }

  search(raw: SearchInput): SearchHit[] {
    return this.store.search.search(
      parseInput(SearchInputSchema, raw, { vi: 'Yêu cầu tìm kiếm', en: 'search request' }),
    );
  }

  addDocument(componentId: number, title: string, actor: string): DossierDocument {
    return this.store.addDocument(
      componentId,
      parseInput(SafeNameSchema, title, { vi: 'Tên tài liệu', en: 'document title' }),
      actor,
    );
  }

  /** Copies a document of an earlier dossier, or a result paper, into one of this dossier's components. */
  async reuse(raw: ReuseInput, actor: string): Promise<DossierDocument> {
    const input = parseInput(ReuseInputSchema, raw, {
      vi: 'Yêu cầu dùng lại',
      en: 'reuse request',
    });
    return reuseIntoDossier(this.store, input, actor);
  }

  addResult(raw: AddResultInput, actor: string): ResultView {
    const input = parseInput(AddResultInputSchema, raw, {
      vi: 'Giấy tờ kết quả',
      en: 'result paper',
    });
    return addResult(this.store, input, actor);
  }

  findResults(raw: FindResultsInput): ResultView[] {
    return findResults(
      this.store,
      parseInput(FindResultsInputSchema, raw, {
        vi: 'Yêu cầu tìm giấy tờ kết quả',
        en: 'result search',
      }),
    );
  }

  resultFile(resultId: number): ReturnType<typeof resultFile> {
    return resultFile(this.store, resultId);
  }

  setStatus(code: string, status: number, actor: string): Dossier {
    if (!isDossierStatus(status)) {
      throw new AppError(
        'VALIDATION',
        { vi: `Trạng thái ${status} không hợp lệ (1..10)`, en: `Invalid status ${status} (1..10)` },
        { details: { status } },
      );
    }
    return this.store.transaction(() => {
      const d = this.store.dossiers.requireByCode(code);
      const at = this.now().toISOString();
      this.store.dossiers.setStatus(d.id, status as DossierStatus, at);
      this.store.audit.append(
        {
          actor,
          action: 'dossier.status',
          dossierId: d.id,
          MaHoSo: d.MaHoSo,
          details: { from: d.TrangThaiHoSo, to: status },
        },
        at,
      );
      return this.store.dossiers.require(d.id);
    });
  }

  export(code: string, outDir: string, actor: string): { dir: string; files: number } {
    const result = exportDossier(this.store, code, outDir);
    const d = this.store.dossiers.requireByCode(code);
    this.store.record({
      actor,
      action: 'dossier.export',
      dossierId: d.id,
      MaHoSo: d.MaHoSo,
      details: { dir: result.dir, files: result.files },
    });
    return result;
  }
}
