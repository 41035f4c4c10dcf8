/**
 * When a backlog dossier may be output — its own rule set, not the counter's:
 *
 * - No applicant CCCD is asked for. The gateway contract requires ChuHoSo but not DinhDanhCHS,
 *   and archived papers often carry no CCCD (or one from before CCCD existed); the counter asks
 *   because the citizen stands at the desk, a backlog has no one to ask.
 * - No required component (BatBuoc) is asked for: a job files pages in the first component (or
 *   splits them by blank sheets), so the procedure's list says nothing about what the archive
 *   holds; the province counts what was digitized, and the PDFs say which component they fill.
 * - Every page is processed: a PDF is built from the processed image and its OCR text.
 * - No page a reviewer rejected: it goes back for rescan, and output would deliver what QA refused.
 * - Under the 'accepted' policy (the default) every page of the dossier in the QA queue is
 *   accepted: contractors are paid on accepted output. 'not-rejected' lets unreviewed pages pass.
 */
import type { OutputHold, OutputQaPolicy } from '../../domain/index.js';
import type { PipelineService } from '../pipeline/index.js';
import type { OutputCandidate } from './output-repository.js';

function pageList(ids: readonly number[]): string {
  return ids.map((id) => `#${id}`).join(', ');
}

export function outputHolds(
  pipeline: PipelineService,
  candidate: OutputCandidate,
  policy: OutputQaPolicy,
): OutputHold[] {
  const holds: OutputHold[] = [];
  const pages = pipeline.dossier(candidate.dossierId).pages;
  if (pages.length === 0) {
    holds.push({
      code: 'NO_PAGES',
      vi: 'Hồ sơ không còn trang nào.',
      en: 'The dossier has no page left.',
      pageIds: [],
    });
  }
  const waiting = pages.filter((p) => p.state === 'pending' || p.state === 'processing');
  if (waiting.length) {
    const ids = waiting.map((p) => p.pageId);
    holds.push({
      code: 'PAGES_NOT_PROCESSED',
      vi: `${ids.length} trang chưa xử lý xong: chạy "sohoa batch run" để xử lý.`,
      en: `${ids.length} page(s) are not processed yet: run "sohoa batch run" to process them.`,
      pageIds: ids,
    });
  }
  const failed = pages.filter((p) => p.state === 'failed').map((p) => p.pageId);
  if (failed.length) {
    holds.push({
      code: 'PAGES_FAILED',
      vi: `Không xử lý được trang ${pageList(failed)}: xử lý lại hoặc quét lại.`,
      en: `Page(s) ${pageList(failed)} could not be processed: run them again or rescan them.`,
      pageIds: failed,
    });
  }
  if (candidate.rejected.length) {
    holds.push({
      code: 'QA_REJECTED',
      vi: `Trang ${pageList(candidate.rejected)} bị trả lại khi kiểm tra: quét lại rồi kiểm tra lại.`,
      en: `Page(s) ${pageList(candidate.rejected)} were rejected by QA: rescan them and review again.`,
      pageIds: candidate.rejected,
    });
  }
  if (policy === 'accepted' && candidate.open.length) {
    holds.push({
      code: 'QA_OPEN',
      vi: `Trang ${pageList(candidate.open)} chưa được kiểm tra: chấp nhận hoặc trả lại trong hàng kiểm tra.`,
      en: `Page(s) ${pageList(candidate.open)} are not reviewed yet: accept or reject them in the QA queue.`,
      pageIds: candidate.open,
    });
  }
  return holds;
}
