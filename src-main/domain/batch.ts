/** Bulk digitization jobs as the store keeps them and as `batch status` / the API report them. */
import type { BatchOutputSummary } from './batch-output.js';
import type { PageFlag, PageState } from './pipeline.js';

/**
 * Kodak patch codes: four bars, two wide and two narrow, whose order names the patch (Kodak
 * A-61599). Scanners use them on control sheets; T is the transfer patch.
 */
export const PATCH_TYPES = ['1', '2', '3', '4', '6', 'T'] as const;
export type PatchType = (typeof PATCH_TYPES)[number];
/**
 * Which patches separate, unless the job or the configuration says otherwise: Patch 2 and 3 open
 * a new dossier (the image-level patches scanners number documents by), the transfer patch T
 * opens the next component inside it.
 */
export const DEFAULT_PATCH_SEPARATION: {
  readonly dossier: readonly PatchType[];
  readonly component: readonly PatchType[];
} = { dossier: ['2', '3'], component: ['T'] };

/**
 * How a job splits pages into dossiers: a QR or barcode carrying the dossier code, blank
 * separator sheets, patch-code separator sheets (the patch types that open a dossier, and those
 * that open the dossier's next component), or a fixed page count.
 */
export type Separation =
  | { kind: 'qr' }
  | { kind: 'blank' }
  | { kind: 'patch'; dossier: PatchType[]; component: PatchType[] }
  | { kind: 'count'; pages: number };

export type JobState = 'created' | 'running' | 'done';
export type FileState = 'pending' | 'done' | 'bad';
/** A folder snapshotted at creation, a hot folder watched until stopped, or a scanner's ADF runs. */
export type SourceKind = 'folder' | 'hotfolder' | 'scanner';
/** Inside a dossier: every page in the first component, or a blank sheet opens the next one. */
export type ComponentSplit = 'single' | 'blank';
export type UnitLevel = 'province' | 'district' | 'commune';
/** What the page pipeline does to a job's pages: clean and read text, or only clean. */
export type BatchProcessing = 'ocr' | 'clean';

export interface BatchJob {
  id: number;
  name: string;
  /** A folder path, or a scanner's device id. */
  source: string;
  sourceKind: SourceKind;
  separation: Separation;
  components: ComponentSplit;
  processing: BatchProcessing;
  /** The procedure the job's dossiers were received under (jobs of the first release: none). */
  MaTTHC?: string;
  /** Receiving agency (NoiNopHoSo) of dossiers whose receipt code does not name one. */
  agency?: string;
  /** Share of pages QA samples, in percent (flagged pages are always reviewed). */
  samplePercent: number;
  /** The unit whose backlog this is, for digitization targets. */
  unit?: { level: UnitLevel; backlog?: number };
  state: JobState;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
}

export interface BatchFile {
  id: number;
  position: number;
  /** Relative to the job's source folder. */
  path: string;
  size: number;
  state: FileState;
  pagesLanded: number;
  error?: { code: string; vi: string; en: string };
}

export interface BatchDossier {
  /** 1, 2, … in separation order; 0 is the review bin (pages before the first separator). */
  position: number;
  /** The code read from the separator's QR. */
  MaHoSo?: string;
  pages: number;
  /** Pages without the blank separator sheets. */
  contentPages: number;
  /** The store dossier it became (its code is the QR's when that was official and unused). */
  storeDossier?: { id: number; MaHoSo: string };
}

export interface BatchStatus {
  job: BatchJob;
  files: { total: number; pending: number; done: number; bad: number };
  pages: number;
  dossiers: number;
  reviewPages: number;
  /** Codes found on more than one separated dossier (a re-scanned or mislabelled receipt). */
  repeatedCodes: string[];
  badFiles: Array<{ path: string; pagesLanded: number; code: string; vi: string; en: string }>;
  /** Where the page pipeline stands on the job's dossier pages. */
  processing: Record<PageState, number>;
  /** Processed pages carrying each QA flag. */
  flags: Partial<Record<PageFlag, number>>;
  qa: BatchQaSummary;
  dossierList: BatchDossier[];
}

export type QaDecision = 'accepted' | 'rejected';
/** Why a page is in the QA queue: drawn by sampling, or flagged by the pipeline. */
export type QaReason = 'sample' | PageFlag;

/** A page of a job's QA queue. */
export interface BatchQaItem {
  batchPageId: number;
  /** The store page (for its image and text). */
  pageId: number;
  seq: number;
  dossierPosition: number;
  /** The store dossier's code. */
  MaHoSo: string;
  component: number;
  reasons: QaReason[];
  processing: PageState;
  ocrConfidence?: number;
  decision?: { decision: QaDecision; reviewer: string; note?: string; decidedAt: string };
}

export interface BatchQaSummary {
  /** Pages in the queue (sampled or flagged). */
  total: number;
  open: number;
  accepted: number;
  rejected: number;
}

/** A rejected page to scan again: where its paper is and where it was filed. */
export interface RescanItem {
  batchPageId: number;
  pageId: number;
  path: string;
  filePage: number;
  MaHoSo: string;
  component: number;
  reviewer: string;
  note?: string;
  decidedAt: string;
}

/** Pages landed by one station on one day (Vietnam time). */
export interface ThroughputRow {
  station: string;
  /** yyyyMMdd */
  day: string;
  pages: number;
  firstAt: string;
  lastAt: string;
  /** Over the span between the first and the last page of the day. */
  pagesPerHour: number;
}

/** A unit's progress toward the province's digitization target for its level. */
export interface TargetRow {
  agency: string;
  level: UnitLevel;
  targetPercent: number;
  /** Dossiers the unit has to digitize, when a job said so. */
  backlog?: number;
  /** Store dossiers landed by the unit's jobs. */
  landed: number;
  /** Landed dossiers whose pages are all processed and none rejected by QA. */
  digitized: number;
  /** digitized / backlog, in percent. */
  percent?: number;
  met?: boolean;
}

export interface ReportDossier {
  position: number;
  /** The code read from the separator's QR. */
  qrCode?: string;
  /** The store dossier's code. */
  MaHoSo?: string;
  pages: number;
  contentPages: number;
  components: number;
  fields: number;
  flaggedPages: number;
  rejectedPages: number;
}

/** What `batch report` writes (CSV, XLSX) and the batch screen downloads. */
export interface BatchReport {
  job: BatchJob;
  generatedAt: string;
  summary: {
    files: number;
    badFiles: number;
    pages: number;
    reviewPages: number;
    dossiers: number;
    fields: { captured: number; valid: number };
    flags: Partial<Record<PageFlag, number>>;
    processing: Record<PageState, number>;
    qa: BatchQaSummary;
    output: BatchOutputSummary;
  };
  throughput: ThroughputRow[];
  targets: TargetRow[];
  dossiers: ReportDossier[];
  badFiles: BatchStatus['badFiles'];
  rescan: RescanItem[];
  /** Pages before the first separator: kept, in no dossier, to be sorted by a person. */
  reviewBin: Array<{ seq: number; path: string; filePage: number }>;
}
