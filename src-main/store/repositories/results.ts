/** Result documents (giấy tờ kết quả) kept for reuse by the owner's next procedure. */
import type { DossierResult } from '../../domain/index.js';
import type { Db } from '../connection.js';
import { prepared } from '../statements.js';

interface ResultRow {
  id: number;
  dossier_id: number | null;
  MaKetQua: string | null;
  TenGiayTo: string;
  SoGiayTo: string | null;
  SoDinhDanhChuSoHuu: string | null;
  NgayCap: string | null;
  blob_sha256: string;
  origin: 'handback' | 'archive';
  created_at: string;
  document_id: number | null;
}

function toResult(r: ResultRow): DossierResult {
  return {
    id: r.id,
    TenGiayTo: r.TenGiayTo,
    blobSha256: r.blob_sha256,
    origin: r.origin,
    createdAt: r.created_at,
    ...(r.dossier_id !== null ? { dossierId: r.dossier_id } : {}),
    ...(r.document_id !== null ? { documentId: r.document_id } : {}),
    ...(r.MaKetQua ? { MaKetQua: r.MaKetQua } : {}),
    ...(r.SoGiayTo ? { SoGiayTo: r.SoGiayTo } : {}),
    ...(r.SoDinhDanhChuSoHuu ? { SoDinhDanhChuSoHuu: r.SoDinhDanhChuSoHuu } : {}),
    ...(r.NgayCap ? { NgayCap: r.NgayCap } : {}),
  };
}

export type NewResult = Omit<DossierResult, 'id' | 'createdAt'>;

export class ResultRepository {
  constructor(private readonly db: Db) {}

  insert(r: NewResult, now: string): DossierResult {
    const info = prepared(
      this.db,
      `INSERT INTO results (dossier_id, MaKetQua, TenGiayTo, SoGiayTo, SoDinhDanhChuSoHuu, NgayCap, blob_sha256, origin, created_at, document_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      r.dossierId ?? null,
      r.MaKetQua ?? null,
      r.TenGiayTo,
      r.SoGiayTo ?? null,
      r.SoDinhDanhChuSoHuu ?? null,
      r.NgayCap ?? null,
      r.blobSha256,
      r.origin,
      now,
      r.documentId ?? null,
    );
    return toResult(
      prepared(this.db, 'SELECT * FROM results WHERE id = ?').get(
        Number(info.lastInsertRowid),
      ) as ResultRow,
    );
  }

  byOwner(identityNumber: string): DossierResult[] {
    return (
      prepared(this.db, 'SELECT * FROM results WHERE SoDinhDanhChuSoHuu = ? ORDER BY id DESC').all(
        identityNumber,
      ) as ResultRow[]
    ).map(toResult);
  }

  /** By the number printed on the paper (số hiệu), as typed: exact after trimming. */
  byNumber(SoGiayTo: string): DossierResult[] {
    return (
      prepared(this.db, 'SELECT * FROM results WHERE SoGiayTo = ? ORDER BY id DESC').all(
        SoGiayTo.trim(),
      ) as ResultRow[]
    ).map(toResult);
  }

  get(id: number): DossierResult | undefined {
    const row = prepared(this.db, 'SELECT * FROM results WHERE id = ?').get(id) as
      ResultRow | undefined;
    return row && toResult(row);
  }

  /** The result whose PDF was built from this scanned document, if saved. */
  byDocument(documentId: number): DossierResult | undefined {
    const row = prepared(this.db, 'SELECT * FROM results WHERE document_id = ?').get(documentId) as
      ResultRow | undefined;
    return row && toResult(row);
  }

  byDossier(dossierId: number): DossierResult[] {
    return (
      prepared(this.db, 'SELECT * FROM results WHERE dossier_id = ? ORDER BY id').all(
        dossierId,
      ) as ResultRow[]
    ).map(toResult);
  }
}
