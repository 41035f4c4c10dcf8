/**
 * The applicant after reception: the values read off the dossier's pages to confirm, and
 * changing the applicant — typed, or filled from a scanned CCCD or form — with the checks of
 * reception, an audit row naming the clerk, and the clerk's decision remembered so a value is
 * not asked about twice. Refused once the dossier is finished: what was queued is what is sent.
 */
import type { Dossier } from '../../domain/index.js';
import { AppError, parseIdentityNumber } from '../../domain/index.js';
import { ApplicantRepository, PageReviewRepository } from '../../store/index.js';
import type { ApplicantChanges, Store } from '../../store/index.js';
import { defineService } from '../service.js';
import { fieldGroups, proposedValue, targetOf } from './applicant-fields.js';
import type { ApplicantFieldView, DossierFields } from './applicant-fields.js';
import {
  DecideFieldSchema,
  DossierFieldsSchema,
  UpdateApplicantSchema,
} from './applicant-input.js';
import type {
  DecideFieldInput,
  DossierFieldsInput,
  UpdateApplicantInput,
} from './applicant-input.js';
import { parseInput } from './input.js';
import { storeService } from './service.js';

export class ApplicantService {
  readonly #applicants: ApplicantRepository;
  readonly #pages: PageReviewRepository;

  constructor(
    readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.#applicants = new ApplicantRepository(store.db);
    this.#pages = new PageReviewRepository(store.db);
  }

  fields(raw: DossierFieldsInput): DossierFields {
    const { MaHoSo } = parseInput(DossierFieldsSchema, raw, {
      vi: 'Yêu cầu thông tin trích xuất',
      en: 'extracted fields request',
    });
    const dossier = this.store.dossiers.requireByCode(MaHoSo);
    const places = new Map<
      number,
      Pick<ApplicantFieldView, 'MaThanhPhanHoSo' | 'TenThanhPhanHoSo' | 'pageIndex'>
    >();
    for (const c of this.store.dossiers.components(dossier.id))
      this.#pages.componentPages(c.id).forEach((p, pageIndex) =>
        places.set(p.id, {
          MaThanhPhanHoSo: c.MaThanhPhanHoSo,
          TenThanhPhanHoSo: c.TenThanhPhanHoSo,
          pageIndex,
        }),
      );
    const fields = this.#applicants.fields(dossier.id).filter((f) => places.has(f.pageId));
    return {
      MaHoSo: dossier.MaHoSo,
      applicant: {
        ChuHoSo: dossier.ChuHoSo,
        ...(dossier.DinhDanhCHS ? { SoDinhDanh: dossier.DinhDanhCHS.SoDinhDanh } : {}),
        ...(dossier.SoDienThoai ? { SoDienThoai: dossier.SoDienThoai } : {}),
        ...(dossier.Email ? { Email: dossier.Email } : {}),
        ...(dossier.DiaChi ? { DiaChi: dossier.DiaChi } : {}),
      },
      editable: dossier.syncState === 'local',
      groups: fieldGroups(
        dossier,
        fields,
        this.#applicants.decisions(dossier.id),
        // every field listed is on a visible page (filtered above)
        (pageId) =>
          places.get(pageId) ?? { MaThanhPhanHoSo: '', TenThanhPhanHoSo: '', pageIndex: 0 },
      ),
    };
  }

  /** Changes what was typed at reception; checked as at reception. */
  update(raw: UpdateApplicantInput, actor: string): Dossier {
    return this.store.transaction(() => {
      const { dossier, changes } = this.#changes(raw);
      return this.#apply(dossier, changes, actor, {});
    });
  }

  /**
   * The clerk's decision on a value read off a page: `use` fills the applicant with it (checked
   * as if typed), `keep` keeps what was typed. Either way the value is not offered again.
   */
  decide(raw: DecideFieldInput, actor: string): Dossier {
    const input = parseInput(DecideFieldSchema, raw, {
      vi: 'Xác nhận thông tin trích xuất',
      en: 'extracted field decision',
    });
    return this.store.transaction(() => {
      const dossier = this.#editable(input.MaHoSo);
      // only fields of pages that are not deleted
      const field = this.#applicants.field(dossier.id, input.fieldId);
      if (!field || field.value !== input.value.normalize('NFC')) {
        throw new AppError(
          'FIELD_NOT_FOUND',
          {
            vi: `Hồ sơ ${dossier.MaHoSo} không còn giá trị "${input.value}" (#${input.fieldId}): trang có thể vừa được đọc lại hoặc bị xóa; tải lại danh sách.`,
            en: `Dossier ${dossier.MaHoSo} no longer has the value "${input.value}" (#${input.fieldId}): its page may have just been read again or deleted; reload the list.`,
          },
          { details: { MaHoSo: dossier.MaHoSo, fieldId: input.fieldId } },
        );
      }
      const target = targetOf(field.kind);
      if (!target) {
        throw new AppError(
          'VALIDATION',
          {
            vi: `Giá trị loại "${field.kind}" không dùng cho thông tin người nộp hồ sơ.`,
            en: `A value of kind "${field.kind}" does not fill in the applicant.`,
          },
          { details: { fieldId: field.id, kind: field.kind } },
        );
      }
      const value = proposedValue(target, field.value);
      const source = { pageId: field.pageId, kind: field.kind, confidence: field.confidence };
      this.#applicants.decide({
        dossierId: dossier.id,
        target,
        value,
        decision: input.decision === 'use' ? 'used' : 'kept',
        ...source,
        clerk: actor,
        decidedAt: this.now().toISOString(),
      });
      if (input.decision === 'keep') {
        this.#audit(dossier, 'dossier.applicant.keep', actor, { target, source });
        return this.store.dossiers.require(dossier.id);
      }
      const { changes } = this.#changes({ MaHoSo: dossier.MaHoSo, [target]: value });
      return this.#apply(dossier, changes, actor, { source });
    });
  }

  /** The input checked by reception's rules, against a dossier that may still change. */
  #changes(raw: UpdateApplicantInput): { dossier: Dossier; changes: ApplicantChanges } {
    const input = parseInput(UpdateApplicantSchema, raw, {
      vi: 'Thông tin người nộp hồ sơ',
      en: 'applicant data',
    });
    const dossier = this.#editable(input.MaHoSo);
    // a birth year alone checks the CCCD the dossier has
    const number = input.SoDinhDanh ?? dossier.DinhDanhCHS?.SoDinhDanh;
    const identity =
      number !== undefined && (input.SoDinhDanh !== undefined || input.NamSinh !== undefined)
        ? parseIdentityNumber(number, input.NamSinh)
        : undefined;
    const changes: ApplicantChanges = {
      ...(input.ChuHoSo !== undefined ? { ChuHoSo: input.ChuHoSo.normalize('NFC') } : {}),
      ...(identity && input.SoDinhDanh !== undefined
        ? { DinhDanhCHS: { LoaiDinhDanh: identity.LoaiDinhDanh, SoDinhDanh: identity.SoDinhDanh } }
        : {}),
      ...(input.SoDienThoai !== undefined ? { SoDienThoai: input.SoDienThoai } : {}),
      ...(input.Email !== undefined ? { Email: input.Email } : {}),
      ...(input.DiaChi !== undefined ? { DiaChi: input.DiaChi.normalize('NFC') } : {}),
    };
    return { dossier, changes };
  }

  #apply(
    dossier: Dossier,
    changes: ApplicantChanges,
    actor: string,
    details: Record<string, unknown>,
  ): Dossier {
    this.#applicants.update(dossier.id, changes, this.now().toISOString());
    // which fields changed, not their values: the audit log is kept for ever, personal data not
    this.#audit(dossier, 'dossier.applicant', actor, { fields: Object.keys(changes), ...details });
    return this.store.dossiers.require(dossier.id);
  }

  #audit(dossier: Dossier, action: string, actor: string, details: Record<string, unknown>): void {
    this.store.audit.append(
      { actor, action, dossierId: dossier.id, MaHoSo: dossier.MaHoSo, details },
      this.now().toISOString(),
    );
  }

  #editable(MaHoSo: string): Dossier {
    const dossier = this.store.dossiers.requireByCode(MaHoSo);
    if (dossier.syncState === 'local') return dossier;
    throw new AppError(
      'DOSSIER_FINISHED_CONFLICT',
      {
        vi: `Hồ sơ ${dossier.MaHoSo} đã hoàn tất và đưa vào hàng đợi gửi đi: không sửa được thông tin người nộp nữa.`,
        en: `Dossier ${dossier.MaHoSo} is finished and queued for sending: its applicant can no longer be changed.`,
      },
      { details: { MaHoSo: dossier.MaHoSo, syncState: dossier.syncState } },
    );
  }
}

export const applicantService = defineService<Promise<ApplicantService>>({
  name: 'applicant',
  create: async (core) => new ApplicantService(await core.use(storeService)),
});
