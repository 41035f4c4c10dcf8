/**
 * The applicant of a dossier after reception: changing ChuHoSo, DinhDanhCHS and contact (with
 * the dossier's search entry, in the caller's transaction), the values read off its pages that
 * could fill them, and the clerk's decisions on those values.
 */
import type { IdentityKind, PageField } from '../../domain/index.js';
import type { Db } from '../connection.js';
import { SearchIndexer } from '../search/index.js';
import { prepared } from '../statements.js';
import { DossierRepository } from './dossiers.js';

/** The applicant's columns a clerk may change; absent ones stay as they are. */
export interface ApplicantChanges {
  ChuHoSo?: string;
  DinhDanhCHS?: { LoaiDinhDanh: IdentityKind; SoDinhDanh: string };
  SoDienThoai?: string;
  Email?: string;
  DiaChi?: string;
}

/** What a scanned value can fill in. */
export type ApplicantTarget = 'ChuHoSo' | 'SoDinhDanh' | 'SoDienThoai';

export interface FieldDecision {
  dossierId: number;
  target: ApplicantTarget;
  value: string;
  decision: 'used' | 'kept';
  /** The page the value was read from (gone when the page was removed since). */
  pageId?: number;
  kind: string;
  confidence: number;
  clerk: string;
  decidedAt: string;
}

/** A field the pipeline read off a page of the dossier that is not deleted. */
export interface StoredPageField extends PageField {
  id: number;
  pageId: number;
  /** The processed image the box is measured in (absent while the page is being read again). */
  image?: { width: number; height: number };
}

interface FieldRow {
  id: number;
  page_id: number;
  kind: string;
  value: string;
  source_text: string | null;
  confidence: number;
  box: string | null;
  valid: number | null;
  state: string | null;
  width: number | null;
  height: number | null;
}

interface DecisionRow {
  dossier_id: number;
  target: ApplicantTarget;
  value: string;
  decision: 'used' | 'kept';
  page_id: number | null;
  kind: string;
  confidence: number;
  clerk: string;
  decided_at: string;
}

const COLUMNS = {
  ChuHoSo: (c: ApplicantChanges) => c.ChuHoSo,
  LoaiDinhDanh: (c: ApplicantChanges) => c.DinhDanhCHS?.LoaiDinhDanh,
  SoDinhDanh: (c: ApplicantChanges) => c.DinhDanhCHS?.SoDinhDanh,
  SoDienThoai: (c: ApplicantChanges) => c.SoDienThoai,
  Email: (c: ApplicantChanges) => c.Email,
  DiaChi: (c: ApplicantChanges) => c.DiaChi,
} as const;

export class ApplicantRepository {
  readonly #dossiers: DossierRepository;
  readonly #indexer: SearchIndexer;

  constructor(private readonly db: Db) {
    this.#dossiers = new DossierRepository(db);
    this.#indexer = new SearchIndexer(db);
  }

  /** Writes the changes and re-indexes the dossier (name and CCCD are searchable). */
  update(dossierId: number, changes: ApplicantChanges, now: string): void {
    const set = Object.entries(COLUMNS).flatMap(([column, pick]) => {
      const value = pick(changes);
      return value === undefined ? [] : [[column, value] as const];
    });
    if (set.length === 0) return;
    // column names come from COLUMNS above, never from input
    prepared(
      this.db,
      `UPDATE dossiers SET ${set.map(([c]) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
    ).run(...set.map(([, v]) => v), now, dossierId);
    this.#indexer.indexDossier(this.#dossiers.require(dossierId));
  }

  fields(dossierId: number): StoredPageField[] {
    const rows = prepared(
      this.db,
      `SELECT e.id, e.page_id, e.kind, e.value, e.source_text, e.confidence, e.box, e.valid,
              pp.state, pp.width, pp.height
         FROM extracted_fields e
         JOIN pages p ON p.id = e.page_id
         LEFT JOIN page_processing pp ON pp.page_id = e.page_id
        WHERE e.dossier_id = ? AND e.kind IS NOT NULL AND p.deleted_at IS NULL
        ORDER BY e.id`,
    ).all(dossierId) as FieldRow[];
    return rows.map((r) => ({
      id: r.id,
      pageId: r.page_id,
      kind: r.kind,
      value: r.value,
      text: r.source_text ?? r.value,
      confidence: r.confidence,
      box: (r.box ? JSON.parse(r.box) : [0, 0, 0, 0]) as StoredPageField['box'],
      valid: r.valid !== 0,
      ...(r.state === 'done' && r.width && r.height
        ? { image: { width: r.width, height: r.height } }
        : {}),
    }));
  }

  field(dossierId: number, fieldId: number): StoredPageField | undefined {
    return this.fields(dossierId).find((f) => f.id === fieldId);
  }

  decide(d: FieldDecision): void {
    prepared(
      this.db,
      `INSERT INTO applicant_field_decisions
         (dossier_id, target, value, decision, page_id, kind, confidence, clerk, decided_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (dossier_id, target, value) DO UPDATE SET
         decision = excluded.decision, page_id = excluded.page_id, kind = excluded.kind,
         confidence = excluded.confidence, clerk = excluded.clerk, decided_at = excluded.decided_at`,
    ).run(
      d.dossierId,
      d.target,
      d.value,
      d.decision,
      d.pageId ?? null,
      d.kind,
      d.confidence,
      d.clerk,
      d.decidedAt,
    );
  }

  decisions(dossierId: number): FieldDecision[] {
    const rows = prepared(
      this.db,
      'SELECT * FROM applicant_field_decisions WHERE dossier_id = ? ORDER BY decided_at',
    ).all(dossierId) as DecisionRow[];
    return rows.map((r) => ({
      dossierId: r.dossier_id,
      target: r.target,
      value: r.value,
      decision: r.decision,
      ...(r.page_id !== null ? { pageId: r.page_id } : {}),
      kind: r.kind,
      confidence: r.confidence,
      clerk: r.clerk,
      decidedAt: r.decided_at,
    }));
  }
}
