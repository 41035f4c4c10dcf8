/**
 * A dossier (hồ sơ) as the workstation keeps it: the gateway contract's Dossier fields plus the
 * scanned structure — components from the procedure's checklist (ThanhPhanHoSo), documents in a
 * component, pages in a document — and the results (giấy tờ kết quả) handed back.
 */
import type { DossierStatus } from './status.js';
import type { IdentityKind } from './cccd.js';

/** 1 công dân, 2 doanh nghiệp, 3 cơ quan nhà nước, 4 tổ chức khác. */
export type SubjectKind = 1 | 2 | 3 | 4;
/** 1 trực tiếp, 2 trực tuyến, 3 bưu chính. */
export type Channel = 1 | 2 | 3;
/** Where the dossier stands with the provincial system. */
export type SyncState = 'local' | 'queued' | 'synced' | 'failed';

export interface Dossier {
  id: number;
  MaHoSo: string;
  /** True while MaHoSo is a provisional code awaiting an official one. */
  provisional: boolean;
  MaTTHC: string;
  TenTTHC: string;
  MaLinhVuc: string;
  TenLinhVuc: string;
  ChuHoSo: string;
  LoaiDoiTuong: SubjectKind;
  DinhDanhCHS?: { LoaiDinhDanh: IdentityKind; SoDinhDanh: string };
  SoDienThoai?: string;
  Email?: string;
  DiaChi?: string;
  TrichYeuHoSo?: string;
  /** Receiving agency (the counter's). */
  NoiNopHoSo: string;
  /** Handling agency; may differ from NoiNopHoSo (reception regardless of boundaries). */
  DonViXuLy: string;
  KenhThucHien: Channel;
  /** yyyyMMddHHmmss, Asia/Ho_Chi_Minh. */
  NgayTiepNhan: string;
  NgayHenTra?: string;
  TrangThaiHoSo: DossierStatus;
  syncState: SyncState;
  createdAt: string;
  updatedAt: string;
}

export interface DossierComponent {
  id: number;
  dossierId: number;
  MaThanhPhanHoSo: string;
  TenThanhPhanHoSo: string;
  BatBuoc: boolean;
  position: number;
}

export interface DossierDocument {
  id: number;
  componentId: number;
  title: string;
  position: number;
  /** The assembled (possibly signed) PDF once built. */
  pdfSha256?: string;
  signed: boolean;
}

export type Rotation = 0 | 90 | 180 | 270;

export interface Page {
  id: number;
  documentId: number;
  position: number;
  blobSha256: string;
  mime: string;
  width?: number;
  height?: number;
  dpi?: number;
  rotation: Rotation;
  blank: boolean;
  needsReview: boolean;
  acquiredAt: string;
}

export interface OcrWord {
  text: string;
  confidence: number;
  /** x0, y0, x1, y1 in page pixels. */
  bbox: [number, number, number, number];
}

export interface PageOcr {
  pageId: number;
  text: string;
  words: OcrWord[];
  confidence: number;
  engine: string;
}

export interface ExtractedField {
  dossierId: number;
  pageId?: number;
  name: string;
  value: string;
  confidence: number;
}

/** A result document (giấy tờ kết quả), digitized at hand-back or from the archive for reuse. */
export interface DossierResult {
  id: number;
  dossierId?: number;
  MaKetQua?: string;
  TenGiayTo: string;
  /** The document's number (số hiệu / số quyết định). */
  SoGiayTo?: string;
  /** The owner's CCCD/CMND, to find results for the next procedure. */
  SoDinhDanhChuSoHuu?: string;
  NgayCap?: string;
  /** The file: a PDF, PNG or JPEG (a scanned result's searchable PDF). */
  blobSha256: string;
  /** Scanned at the counter: the document of pages its PDF was built from (kept for search). */
  documentId?: number;
  origin: 'handback' | 'archive';
  createdAt: string;
}
