/**
 * Result papers (giấy tờ kết quả) handed back at the counter: digitized into the dossier when
 * the citizen collects them, filed under the owner's identity number so the next procedure can
 * reuse them, and found again by owner, by the number on the paper, or by dossier.
 */
import type { DossierResult } from '../../domain/index.js';
import { AppError } from '../../domain/index.js';
import type { Store } from '../../store/index.js';
import { requireFileKind, type FileKind } from './file-kind.js';
import type { AddResultInput, FindResultsInput } from './input.js';

export interface ResultView extends DossierResult {
  /** The dossier it was handed back for (absent for archive results without one). */
  MaHoSo?: string;
  mime: FileKind;
}

type AddResultRequest = Omit<AddResultInput, 'file'> & { file: string };

function view(store: Store, result: DossierResult): ResultView {
  const code =
    result.dossierId !== undefined ? store.dossiers.get(result.dossierId)?.MaHoSo : undefined;
  const kind = requireFileKind(store.blobs.read(result.blobSha256).subarray(0, 8), {
    vi: 'Giấy tờ kết quả',
    en: 'The result paper',
  });
  return { ...result, mime: kind, ...(code ? { MaHoSo: code } : {}) };
}

export function addResult(store: Store, req: AddResultRequest, actor: string): ResultView {
  const dossier = store.dossiers.requireByCode(req.MaHoSo);
  const bytes = Buffer.from(req.file, 'base64');
  requireFileKind(bytes, { vi: 'Tệp giấy tờ kết quả', en: 'The result file' });
  const owner = dossier.DinhDanhCHS?.SoDinhDanh;
  const result = store.addResult(
    {
      dossierId: dossier.id,
      TenGiayTo: req.TenGiayTo.normalize('NFC'),
      origin: 'handback',
      bytes,
      ...(req.MaKetQua ? { MaKetQua: req.MaKetQua } : {}),
      ...(req.SoGiayTo ? { SoGiayTo: req.SoGiayTo } : {}),
      ...(req.NgayCap ? { NgayCap: req.NgayCap } : {}),
      ...(owner ? { SoDinhDanhChuSoHuu: owner } : {}),
    },
    actor,
  );
  return view(store, result);
}

export function findResults(store: Store, query: FindResultsInput): ResultView[] {
  const lists: DossierResult[][] = [];
  if (query.SoDinhDanh) lists.push(store.results.byOwner(query.SoDinhDanh));
  if (query.SoGiayTo) lists.push(store.results.byNumber(query.SoGiayTo));
  if (query.MaHoSo)
    lists.push(store.results.byDossier(store.dossiers.requireByCode(query.MaHoSo).id));
  // Every criterion given must hold (owner AND number narrows; either alone finds).
  const [first = [], ...rest] = lists;
  const found = first.filter((r) => rest.every((list) => list.some((o) => o.id === r.id)));
  return found.map((r) => view(store, r));
}

export function resultFile(store: Store, resultId: number): { mime: FileKind; base64: string } {
  const result = store.results.get(resultId);
  if (!result) {
    throw new AppError(
      'NOT_FOUND',
      { vi: `Không có giấy tờ kết quả #${resultId}`, en: `No result paper #${resultId}` },
      { details: { resultId } },
    );
  }
  const bytes = store.blobs.read(result.blobSha256);
  return {
    mime: requireFileKind(bytes, { vi: 'Giấy tờ kết quả', en: 'The result paper' }),
    base64: bytes.toString('base64'),
  };
}
