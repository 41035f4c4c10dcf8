/**
 * Finishing a dossier at the counter (hoàn tất tiếp nhận): what blocks it, what the clerk should
 * look at, and what finishing produced. Plain data for the API contract and the renderer.
 */

export type FinishProblemCode =
  | 'MISSING_REQUIRED_COMPONENT'
  | 'INVALID_IDENTITY'
  | 'PAGES_NOT_PROCESSED'
  | 'PAGES_FAILED'
  | 'NO_PAGES'
  | 'PAGES_FLAGGED';

export interface FinishProblem {
  code: FinishProblemCode;
  vi: string;
  en: string;
  MaThanhPhanHoSo?: string;
  pageIds?: number[];
}

export interface ComponentWaiver {
  reason: string;
  clerk: string;
  createdAt: string;
}

export interface ComponentReadiness {
  MaThanhPhanHoSo: string;
  TenThanhPhanHoSo: string;
  BatBuoc: boolean;
  /** Pages in the component (deleted pages not counted). */
  pages: number;
  waiver?: ComponentWaiver;
}

export interface ReadyReport {
  MaHoSo: string;
  ready: boolean;
  /** Each one blocks finishing. */
  problems: FinishProblem[];
  /** Worth a look, but do not block (flagged pages). */
  warnings: FinishProblem[];
  components: ComponentReadiness[];
}

export type ReceiptPaper = 'A4' | 'A5';

export interface FinishedDocument {
  documentId: number;
  MaThanhPhanHoSo: string;
  title: string;
  pages: number;
  pdfSha256: string;
  signed: boolean;
}

export interface FinishResult {
  MaHoSo: string;
  documents: FinishedDocument[];
  receipt: { sha256: string; paper: ReceiptPaper };
  syncState: 'local' | 'queued' | 'synced' | 'failed';
}
