/** Rows of dossiers, components and documents, mapped to the domain types. */
import type {
  Dossier,
  DossierComponent,
  DossierDocument,
  DossierStatus,
  SyncState,
} from '../../domain/index.js';
import { AppError } from '../../domain/index.js';
import type { Db } from '../connection.js';
import { prepared } from '../statements.js';

interface DossierRow {
  id: number;
  MaHoSo: string;
  provisional: number;
  MaTTHC: string;
  TenTTHC: string;
  MaLinhVuc: string;
  TenLinhVuc: string;
  ChuHoSo: string;
  LoaiDoiTuong: 1 | 2 | 3 | 4;
  LoaiDinhDanh: '1' | '2' | null;
  SoDinhDanh: string | null;
  SoDienThoai: string | null;
  Email: string | null;
  DiaChi: string | null;
  TrichYeuHoSo: string | null;
  NoiNopHoSo: string;
  DonViXuLy: string;
  KenhThucHien: 1 | 2 | 3;
  NgayTiepNhan: string;
  NgayHenTra: string | null;
  TrangThaiHoSo: DossierStatus;
  sync_state: SyncState;
  created_at: string;
  updated_at: string;
}

function toDossier(r: DossierRow): Dossier {
  const d: Dossier = {
    id: r.id,
    MaHoSo: r.MaHoSo,
    provisional: r.provisional === 1,
    MaTTHC: r.MaTTHC,
    TenTTHC: r.TenTTHC,
    MaLinhVuc: r.MaLinhVuc,
    TenLinhVuc: r.TenLinhVuc,
    ChuHoSo: r.ChuHoSo,
    LoaiDoiTuong: r.LoaiDoiTuong,
    NoiNopHoSo: r.NoiNopHoSo,
    DonViXuLy: r.DonViXuLy,
    KenhThucHien: r.KenhThucHien,
    NgayTiepNhan: r.NgayTiepNhan,
    TrangThaiHoSo: r.TrangThaiHoSo,
    syncState: r.sync_state,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
  if (r.LoaiDinhDanh && r.SoDinhDanh)
    d.DinhDanhCHS = { LoaiDinhDanh: r.LoaiDinhDanh, SoDinhDanh: r.SoDinhDanh };
  if (r.SoDienThoai) d.SoDienThoai = r.SoDienThoai;
  if (r.Email) d.Email = r.Email;
  if (r.DiaChi) d.DiaChi = r.DiaChi;
  if (r.TrichYeuHoSo) d.TrichYeuHoSo = r.TrichYeuHoSo;
  if (r.NgayHenTra) d.NgayHenTra = r.NgayHenTra;
  return d;
}

export type NewDossier = Omit<Dossier, 'id' | 'createdAt' | 'updatedAt' | 'syncState'>;

export interface DossierFilter {
  MaTTHC?: string;
  TrangThaiHoSo?: DossierStatus;
  /** Inclusive bounds on NgayTiepNhan (yyyyMMddHHmmss or a prefix such as yyyyMMdd). */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** SQL conditions for a filter on table alias `d`, shared by listing and search. */
export function dossierFilterSql(filter: DossierFilter): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.MaTTHC) {
    where.push('d.MaTTHC = ?');
    params.push(filter.MaTTHC);
  }
  if (filter.TrangThaiHoSo !== undefined) {
    where.push('d.TrangThaiHoSo = ?');
    params.push(filter.TrangThaiHoSo);
  }
  if (filter.from) {
    where.push('d.NgayTiepNhan >= ?');
    params.push(filter.from.padEnd(14, '0'));
  }
  if (filter.to) {
    where.push('d.NgayTiepNhan <= ?');
    params.push(filter.to.padEnd(14, '9'));
  }
  return { where, params };
}

const COMPONENT_COLUMNS = 'id, dossier_id, MaThanhPhanHoSo, TenThanhPhanHoSo, BatBuoc, position';

/** Not a checklist code (those match [A-Za-z0-9._-]), so it never meets one. */
const RESULT_COMPONENT_CODE = '#KETQUA';

interface ComponentRow {
  id: number;
  dossier_id: number;
  MaThanhPhanHoSo: string;
  TenThanhPhanHoSo: string;
  BatBuoc: number;
  position: number;
}

function toComponent(r: ComponentRow): DossierComponent {
  return {
    id: r.id,
    dossierId: r.dossier_id,
    MaThanhPhanHoSo: r.MaThanhPhanHoSo,
    TenThanhPhanHoSo: r.TenThanhPhanHoSo,
    BatBuoc: r.BatBuoc === 1,
    position: r.position,
  };
}

export class DossierRepository {
  constructor(private readonly db: Db) {}

  insert(d: NewDossier, now: string): Dossier {
    const info = prepared(
      this.db,
      `INSERT INTO dossiers (MaHoSo, provisional, MaTTHC, TenTTHC, MaLinhVuc, TenLinhVuc, ChuHoSo, LoaiDoiTuong,
           LoaiDinhDanh, SoDinhDanh, SoDienThoai, Email, DiaChi, TrichYeuHoSo, NoiNopHoSo, DonViXuLy, KenhThucHien,
           NgayTiepNhan, NgayHenTra, TrangThaiHoSo, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      d.MaHoSo,
      d.provisional ? 1 : 0,
      d.MaTTHC,
      d.TenTTHC,
      d.MaLinhVuc,
      d.TenLinhVuc,
      d.ChuHoSo,
      d.LoaiDoiTuong,
      d.DinhDanhCHS?.LoaiDinhDanh ?? null,
      d.DinhDanhCHS?.SoDinhDanh ?? null,
      d.SoDienThoai ?? null,
      d.Email ?? null,
      d.DiaChi ?? null,
      d.TrichYeuHoSo ?? null,
      d.NoiNopHoSo,
      d.DonViXuLy,
      d.KenhThucHien,
      d.NgayTiepNhan,
      d.NgayHenTra ?? null,
      d.TrangThaiHoSo,
      now,
      now,
    );
    return this.require(Number(info.lastInsertRowid));
  }

  get(id: number): Dossier | undefined {
    const row = prepared(this.db, 'SELECT * FROM dossiers WHERE id = ?').get(id) as
      DossierRow | undefined;
    return row && toDossier(row);
  }

  getByCode(code: string): Dossier | undefined {
    const row = prepared(this.db, 'SELECT * FROM dossiers WHERE MaHoSo = ?').get(code) as
      DossierRow | undefined;
    return row && toDossier(row);
  }

  require(id: number): Dossier {
    const d = this.get(id);
    if (!d)
      throw new AppError(
        'NOT_FOUND',
        { vi: `Không có hồ sơ #${id}`, en: `No dossier #${id}` },
        { details: { id } },
      );
    return d;
  }

  requireByCode(code: string): Dossier {
    const d = this.getByCode(code);
    if (!d)
      throw new AppError(
        'NOT_FOUND',
        { vi: `Không có hồ sơ mã ${code}`, en: `No dossier with code ${code}` },
        { details: { code } },
      );
    return d;
  }

  list(filter: DossierFilter = {}): Dossier[] {
    const { where, params } = dossierFilterSql(filter);
    const sql = `SELECT d.* FROM dossiers d ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY d.NgayTiepNhan DESC, d.id DESC LIMIT ? OFFSET ?`;
    const rows = prepared(this.db, sql).all(
      ...params,
      filter.limit ?? 100,
      filter.offset ?? 0,
    ) as DossierRow[];
    return rows.map(toDossier);
  }

  listProvisional(): Dossier[] {
    return (
      prepared(
        this.db,
        'SELECT * FROM dossiers WHERE provisional = 1 ORDER BY id',
      ).all() as DossierRow[]
    ).map(toDossier);
  }

  setStatus(id: number, status: DossierStatus, now: string): void {
    prepared(this.db, 'UPDATE dossiers SET TrangThaiHoSo = ?, updated_at = ? WHERE id = ?').run(
      status,
      now,
      id,
    );
  }

  setSyncState(id: number, state: SyncState, now: string): void {
    prepared(this.db, 'UPDATE dossiers SET sync_state = ?, updated_at = ? WHERE id = ?').run(
      state,
      now,
      id,
    );
  }

  setCode(id: number, code: string, provisional: boolean, now: string): void {
    prepared(
      this.db,
      'UPDATE dossiers SET MaHoSo = ?, provisional = ?, updated_at = ? WHERE id = ?',
    ).run(code, provisional ? 1 : 0, now, id);
  }

  addComponent(c: Omit<DossierComponent, 'id'>): DossierComponent {
    const info = prepared(
      this.db,
      'INSERT INTO components (dossier_id, MaThanhPhanHoSo, TenThanhPhanHoSo, BatBuoc, position) VALUES (?, ?, ?, ?, ?)',
    ).run(c.dossierId, c.MaThanhPhanHoSo, c.TenThanhPhanHoSo, c.BatBuoc ? 1 : 0, c.position);
    return { ...c, id: Number(info.lastInsertRowid) };
  }

  /** The procedure's checklist components (not the one holding scanned result papers). */
  components(dossierId: number): DossierComponent[] {
    const rows = prepared(
      this.db,
      `SELECT ${COMPONENT_COLUMNS} FROM components WHERE dossier_id = ? AND kind = 'checklist' ORDER BY position, id`,
    ).all(dossierId) as ComponentRow[];
    return rows.map(toComponent);
  }

  /** Any component by id, the result papers' one included. */
  component(id: number): DossierComponent {
    const row = prepared(this.db, `SELECT ${COMPONENT_COLUMNS} FROM components WHERE id = ?`).get(
      id,
    ) as ComponentRow | undefined;
    const found = row && toComponent(row);
    if (!found)
      throw new AppError(
        'NOT_FOUND',
        { vi: `Không có thành phần hồ sơ #${id}`, en: `No dossier component #${id}` },
        { details: { id } },
      );
    return found;
  }

  /** The component holding the dossier's scanned result papers, if one was ever scanned. */
  findResultComponent(dossierId: number): DossierComponent | undefined {
    const row = prepared(
      this.db,
      `SELECT ${COMPONENT_COLUMNS} FROM components WHERE dossier_id = ? AND kind = 'result'`,
    ).get(dossierId) as ComponentRow | undefined;
    return row && toComponent(row);
  }

  /** The component holding the dossier's scanned result papers, made on first use. */
  resultComponent(dossierId: number): DossierComponent {
    const existing = this.findResultComponent(dossierId);
    if (existing) return existing;
    prepared(
      this.db,
      `INSERT INTO components (dossier_id, MaThanhPhanHoSo, TenThanhPhanHoSo, BatBuoc, position, kind)
         VALUES (?, ?, ?, 0, 0, 'result')`,
    ).run(dossierId, RESULT_COMPONENT_CODE, 'Giấy tờ kết quả');
    return this.findResultComponent(dossierId) as DossierComponent;
  }

  addDocument(componentId: number, title: string, now: string): DossierDocument {
    const position = (
      prepared(
        this.db,
        'SELECT coalesce(max(position), 0) + 1 AS p FROM documents WHERE component_id = ?',
      ).get(componentId) as { p: number }
    ).p;
    const info = prepared(
      this.db,
      'INSERT INTO documents (component_id, title, position, created_at) VALUES (?, ?, ?, ?)',
    ).run(componentId, title, position, now);
    return { id: Number(info.lastInsertRowid), componentId, title, position, signed: false };
  }

  documents(componentId: number): DossierDocument[] {
    const rows = prepared(
      this.db,
      'SELECT id, component_id, title, position, pdf_sha256, signed FROM documents WHERE component_id = ? ORDER BY position, id',
    ).all(componentId) as Array<{
      id: number;
      component_id: number;
      title: string;
      position: number;
      pdf_sha256: string | null;
      signed: number;
    }>;
    return rows.map((r) => ({
      id: r.id,
      componentId: r.component_id,
      title: r.title,
      position: r.position,
      signed: r.signed === 1,
      ...(r.pdf_sha256 ? { pdfSha256: r.pdf_sha256 } : {}),
    }));
  }

  /** The dossier a document belongs to. */
  dossierOfDocument(documentId: number): number {
    const row = prepared(
      this.db,
      'SELECT c.dossier_id AS id FROM documents doc JOIN components c ON c.id = doc.component_id WHERE doc.id = ?',
    ).get(documentId) as { id: number } | undefined;
    if (!row)
      throw new AppError(
        'NOT_FOUND',
        { vi: `Không có tài liệu #${documentId}`, en: `No document #${documentId}` },
        { details: { documentId } },
      );
    return row.id;
  }
}
