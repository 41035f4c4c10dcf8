/**
 * Document metadata: the standard Info entries (title, author = agency, subject, keywords,
 * dates, producer) and SoHoa's own keys for the dossier it belongs to, so a PDF found loose on
 * a disk still says which MaHoSo and MaTTHC it is part of.
 */
import { PDFHexString, PDFName } from 'pdf-lib';
import type { PDFDict, PDFDocument } from 'pdf-lib';

export const PRODUCER = 'SoHoa';

export interface PdfMetadata {
  title: string;
  /** The receiving agency's name (written as the Author). */
  agency?: string;
  /** Dossier code. */
  MaHoSo?: string;
  /** Procedure code. */
  MaTTHC?: string;
  /** Component name (ThanhPhanHoSo), written as the Subject. */
  ThanhPhanHoSo?: string;
  createdAt?: Date;
  modifiedAt?: Date;
}

export interface ResolvedMetadata extends PdfMetadata {
  createdAt: Date;
  modifiedAt: Date;
  keywords: string[];
  subject: string | undefined;
}

export function resolveMetadata(meta: PdfMetadata, now: Date): ResolvedMetadata {
  const createdAt = meta.createdAt ?? now;
  const keywords = [meta.MaHoSo, meta.MaTTHC, meta.agency].filter((k): k is string => Boolean(k));
  const subject = meta.ThanhPhanHoSo ?? (meta.MaHoSo ? `Hồ sơ ${meta.MaHoSo}` : undefined);
  return { ...meta, createdAt, modifiedAt: meta.modifiedAt ?? createdAt, keywords, subject };
}

export function writeInfo(
  doc: PDFDocument,
  meta: ResolvedMetadata,
  extra: Record<string, string>,
): void {
  doc.setTitle(meta.title);
  if (meta.agency) doc.setAuthor(meta.agency);
  if (meta.subject) doc.setSubject(meta.subject);
  if (meta.keywords.length > 0) doc.setKeywords(meta.keywords);
  doc.setCreator(PRODUCER);
  doc.setProducer(PRODUCER);
  doc.setCreationDate(meta.createdAt);
  doc.setModificationDate(meta.modifiedAt);
  const info = doc.context.lookup(doc.context.trailerInfo.Info) as PDFDict;
  const custom: Record<string, string | undefined> = {
    MaHoSo: meta.MaHoSo,
    MaTTHC: meta.MaTTHC,
    ...extra,
  };
  for (const [key, value] of Object.entries(custom)) {
    if (value) info.set(PDFName.of(key), PDFHexString.fromText(value));
  }
}
