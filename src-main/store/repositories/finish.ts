/**
 * Rows of finishing a dossier (migration 202): component waivers, the pages key each document's
 * PDF was built from, a document's PDF blob, and the reception receipt. Single statements, run
 * inside `store.transaction`; blob bytes are written before it.
 */
import type { ComponentWaiver, ReceiptPaper } from '../../domain/index.js';
import type { Db } from '../connection.js';
import { prepared } from '../statements.js';
import { insertBlobRow } from './blob-rows.js';

export interface StoredReceipt {
  sha256: string;
  paper: ReceiptPaper;
  clerk: string;
  createdAt: string;
}

export class FinishRepository {
  constructor(private readonly db: Db) {}

  setWaiver(componentId: number, waiver: ComponentWaiver): void {
    prepared(
      this.db,
      `INSERT INTO component_waivers (component_id, reason, clerk, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (component_id) DO UPDATE SET reason = excluded.reason, clerk = excluded.clerk,
           created_at = excluded.created_at`,
    ).run(componentId, waiver.reason, waiver.clerk, waiver.createdAt);
  }

  removeWaiver(componentId: number): boolean {
    return (
      prepared(this.db, 'DELETE FROM component_waivers WHERE component_id = ?').run(componentId)
        .changes === 1
    );
  }

  waiver(componentId: number): ComponentWaiver | undefined {
    const row = prepared(
      this.db,
      'SELECT reason, clerk, created_at FROM component_waivers WHERE component_id = ?',
    ).get(componentId) as { reason: string; clerk: string; created_at: string } | undefined;
    return row && { reason: row.reason, clerk: row.clerk, createdAt: row.created_at };
  }

  /** The pages key the document's current PDF was built from, if one was built. */
  buildKey(documentId: number): string | undefined {
    return (
      prepared(this.db, 'SELECT pages_key FROM document_builds WHERE document_id = ?').get(
        documentId,
      ) as { pages_key: string } | undefined
    )?.pages_key;
  }

  setDocumentPdf(
    documentId: number,
    pdf: { sha256: string; signed: boolean; pagesKey: string; pageCount: number },
    now: string,
  ): void {
    prepared(this.db, 'UPDATE documents SET pdf_sha256 = ?, signed = ? WHERE id = ?').run(
      pdf.sha256,
      pdf.signed ? 1 : 0,
      documentId,
    );
    prepared(
      this.db,
      `INSERT INTO document_builds (document_id, pages_key, page_count, built_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (document_id) DO UPDATE SET pages_key = excluded.pages_key,
           page_count = excluded.page_count, built_at = excluded.built_at`,
    ).run(documentId, pdf.pagesKey, pdf.pageCount, now);
  }

  /** A document with no live pages left keeps no PDF (the sync would send an empty file). */
  clearDocumentPdf(documentId: number): void {
    prepared(this.db, 'UPDATE documents SET pdf_sha256 = NULL, signed = 0 WHERE id = ?').run(
      documentId,
    );
    prepared(this.db, 'DELETE FROM document_builds WHERE document_id = ?').run(documentId);
  }

  setReceipt(dossierId: number, receipt: StoredReceipt): void {
    prepared(
      this.db,
      `INSERT INTO dossier_receipts (dossier_id, blob_sha256, paper, clerk, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (dossier_id) DO UPDATE SET blob_sha256 = excluded.blob_sha256,
           paper = excluded.paper, clerk = excluded.clerk, created_at = excluded.created_at`,
    ).run(dossierId, receipt.sha256, receipt.paper, receipt.clerk, receipt.createdAt);
  }

  receipt(dossierId: number): StoredReceipt | undefined {
    const row = prepared(
      this.db,
      'SELECT blob_sha256, paper, clerk, created_at FROM dossier_receipts WHERE dossier_id = ?',
    ).get(dossierId) as
      { blob_sha256: string; paper: ReceiptPaper; clerk: string; created_at: string } | undefined;
    return (
      row && {
        sha256: row.blob_sha256,
        paper: row.paper,
        clerk: row.clerk,
        createdAt: row.created_at,
      }
    );
  }

  /** The row a blob needs before anything references it (bytes already written). */
  addBlobRow(sha256: string, size: number, now: string): void {
    insertBlobRow(this.db, sha256, size, now);
  }
}
