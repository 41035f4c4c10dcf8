/**
 * Reuse at the counter: a document of an earlier dossier (the citizen's CCCD copy, a birth
 * certificate already scanned) or a result paper handed back earlier becomes a new document of
 * a component of the dossier being received. Pages are copied as rows that reference the same
 * blobs — no re-scan, no second copy of the bytes — with their OCR text, indexed for search; a
 * result paper scanned here is copied the same way, one brought as a file is rendered to pages.
 */
import type { DossierDocument } from '../../domain/index.js';
import { AppError } from '../../domain/index.js';
import type { Store } from '../../store/index.js';
import { requireFileKind } from './file-kind.js';
import { filePages } from './file-pages.js';
import type { ReuseInput } from './input.js';

type ReuseRequest = Omit<ReuseInput, 'MaHoSo' | 'MaThanhPhanHoSo'> & {
  MaHoSo: string;
  MaThanhPhanHoSo: string;
};

function targetComponent(store: Store, MaHoSo: string, MaThanhPhanHoSo: string) {
  const dossier = store.dossiers.requireByCode(MaHoSo);
  const component = store.dossiers
    .components(dossier.id)
    .find((c) => c.MaThanhPhanHoSo === MaThanhPhanHoSo);
  if (!component) {
    throw new AppError(
      'NOT_FOUND',
      {
        vi: `Hồ sơ ${dossier.MaHoSo} không có thành phần ${MaThanhPhanHoSo}`,
        en: `Dossier ${dossier.MaHoSo} has no component ${MaThanhPhanHoSo}`,
      },
      { details: { MaHoSo: dossier.MaHoSo, MaThanhPhanHoSo } },
    );
  }
  return { dossier, component };
}

/** A scanned result paper reused as its pages: filed under the paper's name, audited as the result. */
interface FromResult {
  resultId: number;
  title: string;
}

function copyDocument(
  store: Store,
  req: ReuseRequest,
  documentId: number,
  actor: string,
  fromResult?: FromResult,
) {
  const { dossier, component } = targetComponent(store, req.MaHoSo, req.MaThanhPhanHoSo);
  return store.transaction(() => {
    const sourceDossierId = store.dossiers.dossierOfDocument(documentId);
    const title =
      fromResult?.title ??
      store.dossiers
        .components(sourceDossierId)
        .flatMap((c) => store.dossiers.documents(c.id))
        .find((d) => d.id === documentId)?.title;
    const pages = store.pages.list(documentId);
    if (title === undefined || pages.length === 0) {
      throw new AppError(
        'VALIDATION',
        {
          vi: `Tài liệu #${documentId} không có trang nào để dùng lại`,
          en: `Document #${documentId} has no pages to reuse`,
        },
        { details: { documentId } },
      );
    }
    const doc = store.addDocument(component.id, title, actor);
    for (const page of pages) {
      const copy = store.pages.insert({
        documentId: doc.id,
        blobSha256: page.blobSha256,
        mime: page.mime,
        acquiredAt: page.acquiredAt,
        rotation: page.rotation,
        blank: page.blank,
        needsReview: page.needsReview,
        ...(page.width !== undefined ? { width: page.width } : {}),
        ...(page.height !== undefined ? { height: page.height } : {}),
        ...(page.dpi !== undefined ? { dpi: page.dpi } : {}),
      });
      const ocr = store.pages.getOcr(page.id);
      if (ocr) store.setPageOcr({ ...ocr, pageId: copy.id });
    }
    store.record({
      actor,
      action: 'document.reuse',
      dossierId: dossier.id,
      MaHoSo: dossier.MaHoSo,
      details: {
        ...(fromResult ? { fromResult: fromResult.resultId } : {}),
        fromDocument: documentId,
        fromDossier: sourceDossierId,
        documentId: doc.id,
      },
    });
    return doc;
  });
}

async function copyResult(store: Store, req: ReuseRequest, resultId: number, actor: string) {
  const result = store.results.get(resultId);
  if (!result) {
    throw new AppError(
      'NOT_FOUND',
      { vi: `Không có giấy tờ kết quả #${resultId}`, en: `No result paper #${resultId}` },
      { details: { resultId } },
    );
  }
  // Scanned at the counter: its own pages (the scanner's originals, already read), not a
  // rendering of its PDF.
  if (result.documentId !== undefined && store.pages.list(result.documentId).length > 0) {
    return copyDocument(store, req, result.documentId, actor, {
      resultId,
      title: result.TenGiayTo,
    });
  }
  const bytes = store.blobs.read(result.blobSha256);
  const pages = await filePages(
    bytes,
    requireFileKind(bytes, { vi: 'Giấy tờ kết quả', en: 'The result paper' }),
  );
  const { dossier, component } = targetComponent(store, req.MaHoSo, req.MaThanhPhanHoSo);
  // One transaction: a failure leaves no half-filled document (written blobs stay unreferenced
  // and are collected).
  return store.transaction(() => {
    const doc = store.addDocument(component.id, result.TenGiayTo, actor);
    for (const page of pages) {
      store.addPage({
        documentId: doc.id,
        bytes: page.bytes,
        mime: page.mime,
        width: page.width,
        height: page.height,
        ...(page.dpi !== undefined ? { dpi: page.dpi } : {}),
      });
    }
    store.record({
      actor,
      action: 'document.reuse',
      dossierId: dossier.id,
      MaHoSo: dossier.MaHoSo,
      details: { fromResult: resultId, documentId: doc.id, pages: pages.length },
    });
    return doc;
  });
}

export async function reuseIntoDossier(
  store: Store,
  req: ReuseRequest,
  actor: string,
): Promise<DossierDocument> {
  return req.from.kind === 'document'
    ? copyDocument(store, req, req.from.documentId, actor)
    : copyResult(store, req, req.from.resultId, actor);
}
