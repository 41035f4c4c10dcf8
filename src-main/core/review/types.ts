/**
 * What page review shows and answers: plain JSON data, shared by the core, the API contract and
 * the renderer (types only).
 */
import type { PageFlag, PageState, Rotation } from '../../domain/index.js';

export interface ReviewPage {
  id: number;
  MaThanhPhanHoSo: string;
  /** 0-based place in its component. */
  index: number;
  rotation: Rotation;
  width?: number;
  height?: number;
  dpi?: number;
  /** Judged blank (by the pipeline or the clerk): kept, but flagged. */
  blank: boolean;
  /** OCR read it with a mean confidence under the station's threshold. */
  lowConfidence: boolean;
  /** Someone (pipeline, clerk) asked for a person to look at it. */
  needsReview: boolean;
  /** The pipeline's quality flags (blank, low-ocr-confidence, skewed, low-dpi, …). */
  flags: PageFlag[];
  /** Where the pipeline is with the page (thumbnails are the processed image once done). */
  processing: PageState;
  /** Mean OCR word confidence 0..1, once read. */
  ocrConfidence?: number;
  /** Changes whenever the page would look different, so image caches can key on it. */
  version: string;
  acquiredAt: string;
}

export interface ReviewComponent {
  MaThanhPhanHoSo: string;
  TenThanhPhanHoSo: string;
  BatBuoc: boolean;
  pages: ReviewPage[];
}

/** The last deletion of the dossier that can still be undone. */
export interface UndoableDeletion {
  actionId: string;
  reason: 'deleted' | 'replaced';
  pageIds: number[];
  deletedAt: string;
}

export interface PageListing {
  MaHoSo: string;
  components: ReviewComponent[];
  undo?: UndoableDeletion;
}

export type PageImageSize = 'thumbnail' | 'preview';

export interface PageImage {
  pageId: number;
  size: PageImageSize;
  version: string;
  mime: 'image/jpeg';
  /** The JPEG, base64 (works over IPC and HTTP alike). */
  data: string;
  width: number;
  height: number;
}

export interface PageText {
  pageId: number;
  /** Absent until the page has been read. */
  text?: string;
  confidence?: number;
  engine?: string;
}

export type PageAction = 'rotate' | 'delete' | 'restore' | 'reorder' | 'move' | 'replace';

/** Event payload: pages of a dossier changed (any client showing them should refresh). */
export interface PagesChanged {
  MaHoSo: string;
  action: PageAction;
  pageIds: number[];
}
