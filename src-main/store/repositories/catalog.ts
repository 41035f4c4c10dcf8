/** The offline catalog of agencies and procedures. */
import type { Agency, Catalog, Procedure, ProcedureComponent } from '../../domain/index.js';
import { AppError } from '../../domain/index.js';
import type { Db } from '../connection.js';
import { prepared } from '../statements.js';

interface ProcedureRow {
  MaTTHC: string;
  TenTTHC: string;
  MaLinhVuc: string;
  TenLinhVuc: string;
  CapThucHien: string;
  ThoiHanGiaiQuyet: number | null;
  PhiDiaGioi: number;
  source: string | null;
  legal_basis: string | null;
  verified: number;
}

export class CatalogRepository {
  constructor(private readonly db: Db) {}

  /** Replaces agencies/procedures present in `catalog` (upsert); the caller owns the transaction. */
  upsert(catalog: Catalog): void {
    const agency = prepared(
      this.db,
      `INSERT INTO agencies (MaDinhDanh, TenDonVi, Cap, MaDonViCha) VALUES (?, ?, ?, ?)
       ON CONFLICT (MaDinhDanh) DO UPDATE SET TenDonVi = excluded.TenDonVi, Cap = excluded.Cap, MaDonViCha = excluded.MaDonViCha`,
    );
    for (const a of catalog.agencies)
      agency.run(a.MaDinhDanh, a.TenDonVi, a.Cap, a.MaDonViCha ?? null);
    const proc = prepared(
      this.db,
      `INSERT INTO procedures (MaTTHC, TenTTHC, MaLinhVuc, TenLinhVuc, CapThucHien, ThoiHanGiaiQuyet, PhiDiaGioi, source, legal_basis, verified, catalog_version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (MaTTHC) DO UPDATE SET TenTTHC = excluded.TenTTHC, MaLinhVuc = excluded.MaLinhVuc, TenLinhVuc = excluded.TenLinhVuc,
         CapThucHien = excluded.CapThucHien, ThoiHanGiaiQuyet = excluded.ThoiHanGiaiQuyet, PhiDiaGioi = excluded.PhiDiaGioi,
         source = excluded.source, legal_basis = excluded.legal_basis, verified = excluded.verified, catalog_version = excluded.catalog_version`,
    );
    const clear = prepared(this.db, 'DELETE FROM procedure_components WHERE MaTTHC = ?');
    const comp = prepared(
      this.db,
      `INSERT INTO procedure_components (MaTTHC, MaThanhPhanHoSo, TenThanhPhanHoSo, BatBuoc, SoBanChinh, SoBanSao, position)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const p of catalog.procedures) {
      proc.run(
        p.MaTTHC,
        p.TenTTHC,
        p.MaLinhVuc,
        p.TenLinhVuc,
        JSON.stringify(p.CapThucHien ?? []),
        p.ThoiHanGiaiQuyet ?? null,
        p.PhiDiaGioi ? 1 : 0,
        p.source ?? null,
        p.legalBasis ?? null,
        p.verified ? 1 : 0,
        catalog.version,
      );
      clear.run(p.MaTTHC);
      p.ThanhPhanHoSo.forEach((c, i) =>
        comp.run(
          p.MaTTHC,
          c.MaThanhPhanHoSo,
          c.TenThanhPhanHoSo,
          c.BatBuoc ? 1 : 0,
          c.SoBanChinh ?? null,
          c.SoBanSao ?? null,
          i + 1,
        ),
      );
    }
  }

  procedure(code: string): Procedure | undefined {
    const row = prepared(this.db, 'SELECT * FROM procedures WHERE MaTTHC = ?').get(code) as
      ProcedureRow | undefined;
    return row && this.toProcedure(row);
  }

  requireProcedure(code: string): Procedure {
    const p = this.procedure(code);
    if (!p) {
      throw new AppError(
        'NOT_FOUND',
        {
          vi: `Thủ tục ${code} không có trong danh mục`,
          en: `Procedure ${code} is not in the catalog`,
        },
        { details: { MaTTHC: code } },
      );
    }
    return p;
  }

  procedures(): Procedure[] {
    return (
      prepared(this.db, 'SELECT * FROM procedures ORDER BY MaTTHC').all() as ProcedureRow[]
    ).map((r) => this.toProcedure(r));
  }

  agencies(): Agency[] {
    const rows = prepared(
      this.db,
      'SELECT MaDinhDanh, TenDonVi, Cap, MaDonViCha FROM agencies ORDER BY MaDinhDanh',
    ).all() as Array<Omit<Agency, 'MaDonViCha'> & { MaDonViCha: string | null }>;
    return rows.map(({ MaDonViCha, ...a }) => (MaDonViCha ? { ...a, MaDonViCha } : a));
  }

  count(): number {
    return (prepared(this.db, 'SELECT count(*) AS n FROM procedures').get() as { n: number }).n;
  }

  private toProcedure(r: ProcedureRow): Procedure {
    const components = prepared(
      this.db,
      'SELECT MaThanhPhanHoSo, TenThanhPhanHoSo, BatBuoc, SoBanChinh, SoBanSao FROM procedure_components WHERE MaTTHC = ? ORDER BY position',
    ).all(r.MaTTHC) as Array<{
      MaThanhPhanHoSo: string;
      TenThanhPhanHoSo: string;
      BatBuoc: number;
      SoBanChinh: number | null;
      SoBanSao: number | null;
    }>;
    return {
      MaTTHC: r.MaTTHC,
      TenTTHC: r.TenTTHC,
      MaLinhVuc: r.MaLinhVuc,
      TenLinhVuc: r.TenLinhVuc,
      CapThucHien: JSON.parse(r.CapThucHien) as Array<1 | 2 | 3>,
      ...(r.ThoiHanGiaiQuyet !== null ? { ThoiHanGiaiQuyet: r.ThoiHanGiaiQuyet } : {}),
      PhiDiaGioi: r.PhiDiaGioi === 1,
      ...(r.source ? { source: r.source } : {}),
      ...(r.legal_basis ? { legalBasis: r.legal_basis } : {}),
      verified: r.verified === 1,
      ThanhPhanHoSo: components.map((c): ProcedureComponent => ({
        MaThanhPhanHoSo: c.MaThanhPhanHoSo,
        TenThanhPhanHoSo: c.TenThanhPhanHoSo,
        BatBuoc: c.BatBuoc === 1,
        ...(c.SoBanChinh !== null ? { SoBanChinh: c.SoBanChinh } : {}),
        ...(c.SoBanSao !== null ? { SoBanSao: c.SoBanSao } : {}),
      })),
    };
  }
}
