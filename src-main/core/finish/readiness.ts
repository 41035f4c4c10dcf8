/**
 * Whether a dossier can be finished, and every reason it cannot, in words the clerk can act on:
 * each required component (BatBuoc) has a page or a recorded waiver, a citizen applicant's
 * CCCD/CMND is valid, and every page is processed. Flagged pages do not block; they are listed
 * so the clerk looks before signing.
 */
import type {
  ComponentReadiness,
  Dossier,
  FinishProblem,
  PageProcessing,
  ReadyReport,
} from '../../domain/index.js';
import { isAppError, parseIdentityNumber } from '../../domain/index.js';
import type { FinishRepository, Store } from '../../store/index.js';
import type { PipelineService } from '../pipeline/index.js';

/** LoaiDoiTuong 1: a citizen, who must be identified by CCCD (or the old CMND). */
const CITIZEN = 1;

function identityProblem(dossier: Dossier): FinishProblem | undefined {
  const number = dossier.DinhDanhCHS?.SoDinhDanh;
  if (!number) {
    return dossier.LoaiDoiTuong === CITIZEN
      ? {
          code: 'INVALID_IDENTITY',
          vi: 'Chưa có số CCCD/CMND của người nộp hồ sơ.',
          en: "The applicant's CCCD/CMND number is missing.",
        }
      : undefined;
  }
  try {
    parseIdentityNumber(number);
    return undefined;
  } catch (error) {
    const reason = isAppError(error) ? error : undefined;
    return {
      code: 'INVALID_IDENTITY',
      vi: `Số CCCD/CMND "${number}" không hợp lệ${reason ? `: ${reason.messageVi}` : ''}.`,
      en: `CCCD/CMND number "${number}" is not valid${reason ? `: ${reason.message}` : ''}.`,
    };
  }
}

function pageList(ids: readonly number[]): string {
  return ids.map((id) => `#${id}`).join(', ');
}

export function checkReadiness(
  store: Store,
  finish: FinishRepository,
  pipeline: PipelineService,
  dossier: Dossier,
): ReadyReport {
  const problems: FinishProblem[] = [];
  const warnings: FinishProblem[] = [];
  const identity = identityProblem(dossier);
  if (identity) problems.push(identity);

  const components: ComponentReadiness[] = store.dossiers.components(dossier.id).map((c) => {
    const pages = store.dossiers
      .documents(c.id)
      .reduce((n, d) => n + store.pages.list(d.id).length, 0);
    const waiver = finish.waiver(c.id);
    if (c.BatBuoc && pages === 0 && !waiver) {
      problems.push({
        code: 'MISSING_REQUIRED_COMPONENT',
        vi: `Thiếu thành phần bắt buộc "${c.TenThanhPhanHoSo}": quét ít nhất một trang hoặc ghi lý do miễn nộp.`,
        en: `Required component "${c.TenThanhPhanHoSo}" is missing: scan at least one page or record why it is waived.`,
        MaThanhPhanHoSo: c.MaThanhPhanHoSo,
      });
    }
    return {
      MaThanhPhanHoSo: c.MaThanhPhanHoSo,
      TenThanhPhanHoSo: c.TenThanhPhanHoSo,
      BatBuoc: c.BatBuoc,
      pages,
      ...(waiver ? { waiver } : {}),
    };
  });

  const pages: PageProcessing[] = pipeline.dossier(dossier.id).pages;
  if (pages.length === 0) {
    problems.push({
      code: 'NO_PAGES',
      vi: 'Hồ sơ chưa có trang nào được quét.',
      en: 'The dossier has no scanned page.',
    });
  }
  const waiting = pages.filter((p) => p.state === 'pending' || p.state === 'processing');
  if (waiting.length) {
    problems.push({
      code: 'PAGES_NOT_PROCESSED',
      vi: `${waiting.length} trang đang được xử lý; chờ xong rồi hoàn tất.`,
      en: `${waiting.length} page(s) are still being processed; finish when they are done.`,
      pageIds: waiting.map((p) => p.pageId),
    });
  }
  const failed = pages.filter((p) => p.state === 'failed');
  if (failed.length) {
    problems.push({
      code: 'PAGES_FAILED',
      vi: `Không xử lý được trang ${pageList(failed.map((p) => p.pageId))}: xử lý lại, quét lại hoặc xóa trang.`,
      en: `Page(s) ${pageList(failed.map((p) => p.pageId))} could not be processed: run them again, rescan or delete them.`,
      pageIds: failed.map((p) => p.pageId),
    });
  }
  const flagged = pages.filter((p) => p.state === 'done' && p.flags.length > 0);
  if (flagged.length) {
    warnings.push({
      code: 'PAGES_FLAGGED',
      vi: `Nên xem lại trang ${pageList(flagged.map((p) => p.pageId))} (trang trắng, mờ, lệch hoặc độ phân giải thấp).`,
      en: `Check page(s) ${pageList(flagged.map((p) => p.pageId))} (blank, hard to read, skewed or low resolution).`,
      pageIds: flagged.map((p) => p.pageId),
    });
  }
  return { MaHoSo: dossier.MaHoSo, ready: problems.length === 0, problems, warnings, components };
}
