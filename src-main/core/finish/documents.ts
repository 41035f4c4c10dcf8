/**
 * The documents step of finishing, shared by counter finishing and bulk output: one searchable
 * PDF per document of a dossier from its processed pages, signed when a signer is given, each
 * stored (blob, document row, audit) in its own transaction. A PDF whose pages are unchanged since
 * it was built, and signed the same way, is kept — so a step cut short resumes where it stopped and
 * a repeated one neither builds nor signs a second copy.
 */
import type { Dossier, FinishedDocument } from '../../domain/index.js';
import { certificateOrganisation, signPdf } from '../../pdf/index.js';
import type { Signer } from '../../pdf/index.js';
import type { AppConfig } from '../../platform/index.js';
import { FinishRepository } from '../../store/index.js';
import type { Store } from '../../store/index.js';
import type { PipelineService } from '../pipeline/index.js';
import { documentPdf, pagesKey } from './document-pdf.js';

/**
 * A signer opened on first use and closed by its owner: the password or PIN is asked once per
 * finish or output run, and not at all when every PDF is already signed.
 */
export class LazySigner {
  #opened: Promise<Signer> | undefined;

  constructor(private readonly open: () => Promise<Signer>) {}

  get(): Promise<Signer> {
    this.#opened ??= this.open();
    return this.#opened;
  }

  async close(): Promise<void> {
    const opened = this.#opened;
    this.#opened = undefined;
    // An open that failed left nothing to close; its error already reached the caller.
    const signer = await opened?.catch(() => undefined);
    signer?.close();
  }
}

export interface DocumentSigning {
  signer: LazySigner;
  /** The station's signing settings: PAdES, time-stamping, the visible copy stamp. */
  settings: AppConfig['signing'];
  /** The reason each signature states. */
  reason: string;
}

export interface BuildDocumentsOptions {
  agency: AppConfig['agency'];
  /** The audit actor of each stored PDF. */
  actor: string;
  /** Absent: the PDFs are not signed. */
  signing?: DocumentSigning;
}

export async function buildDocuments(
  store: Store,
  pipeline: PipelineService,
  dossier: Dossier,
  options: BuildDocumentsOptions,
): Promise<FinishedDocument[]> {
  const repo = new FinishRepository(store.db);
  const { signing, agency } = options;
  const documents: FinishedDocument[] = [];
  for (const component of store.dossiers.components(dossier.id)) {
    for (const doc of store.dossiers.documents(component.id)) {
      const pageIds = store.pages.list(doc.id).map((p) => p.id);
      if (pageIds.length === 0) {
        if (doc.pdfSha256) store.transaction(() => repo.clearDocumentPdf(doc.id));
        continue;
      }
      const key = `${pagesKey(pipeline, pageIds)}:${signing ? 'signed' : 'unsigned'}`;
      let sha256 = doc.pdfSha256;
      if (!sha256 || repo.buildKey(doc.id) !== key) {
        let bytes = await documentPdf(pipeline, pageIds, {
          title: component.TenThanhPhanHoSo,
          MaHoSo: dossier.MaHoSo,
          MaTTHC: dossier.MaTTHC,
          ThanhPhanHoSo: component.TenThanhPhanHoSo,
          ...(agency.name ? { agency: agency.name } : {}),
        });
        if (signing) bytes = await sign(bytes, signing, agency);
        sha256 = storePdf(
          store,
          repo,
          { documentId: doc.id, dossierId: dossier.id },
          bytes,
          { signed: signing !== undefined, pagesKey: key, pageCount: pageIds.length },
          options.actor,
        );
      }
      documents.push({
        documentId: doc.id,
        MaThanhPhanHoSo: component.MaThanhPhanHoSo,
        title: doc.title,
        pages: pageIds.length,
        pdfSha256: sha256,
        signed: signing !== undefined,
      });
    }
  }
  return documents;
}

async function sign(
  bytes: Uint8Array,
  signing: DocumentSigning,
  agency: AppConfig['agency'],
): Promise<Uint8Array> {
  const signer = await signing.signer.get();
  const { settings } = signing;
  const stamp = copyStamp(agency, settings, signer);
  const result = await signPdf(bytes, {
    signer,
    pades: settings.pades,
    reason: signing.reason,
    ...(stamp ? { stamp } : {}),
    ...(settings.tsaUrl
      ? { timestamp: { url: settings.tsaUrl, required: settings.requireTimestamp } }
      : {}),
  });
  return result.bytes;
}

function storePdf(
  store: Store,
  repo: FinishRepository,
  ids: { documentId: number; dossierId: number },
  bytes: Uint8Array,
  build: { signed: boolean; pagesKey: string; pageCount: number },
  actor: string,
): string {
  const blob = store.blobs.put(bytes);
  store.transaction(() => {
    const now = new Date().toISOString();
    store.blobs.restore(blob.sha256, bytes);
    repo.addBlobRow(blob.sha256, blob.size, now);
    repo.setDocumentPdf(ids.documentId, { sha256: blob.sha256, ...build }, now);
    store.audit.append(
      {
        actor,
        action: 'document.pdf',
        dossierId: ids.dossierId,
        details: {
          documentId: ids.documentId,
          sha256: blob.sha256,
          pages: build.pageCount,
          signed: build.signed,
        },
      },
      now,
    );
  });
  return blob.sha256;
}

/** The electronic-copy stamp, as `signature.sign` draws it: configured agency, else the certificate's. */
function copyStamp(
  agency: AppConfig['agency'],
  signing: AppConfig['signing'],
  signer: Signer,
): { agency: string } | undefined {
  if (!signing.visibleStamp) return undefined;
  const name = agency.name ?? certificateOrganisation(signer.certificate);
  return name ? { agency: name } : undefined;
}
