/**
 * The catalog a fresh reference gateway starts with: one province's agencies at three levels,
 * and the procedures of the catalog SoHoa ships (`resources/catalog/default.json`), so a trial
 * station can receive dossiers at once. A real provincial system serves its own catalog.
 */
import { readFileSync } from 'node:fs';
import { CatalogSchema, invalidInput } from '../../domain/index.js';
import { resourcePath } from '../../platform/index.js';
import type { Agency, Procedure } from '../contract/index.js';

export const SEED_AGENCIES: Agency[] = [
  { MaDinhDanh: '000.00.00.H56', TenDonVi: 'Ủy ban nhân dân tỉnh', Cap: 1 },
  { MaDinhDanh: '000.00.06.H56', TenDonVi: 'Sở Tư pháp', Cap: 1, MaDonViCha: '000.00.00.H56' },
  {
    MaDinhDanh: '000.00.08.H56',
    TenDonVi: 'Sở Kế hoạch và Đầu tư',
    Cap: 1,
    MaDonViCha: '000.00.00.H56',
  },
  {
    MaDinhDanh: '000.00.31.H56',
    TenDonVi: 'Ủy ban nhân dân thành phố',
    Cap: 2,
    MaDonViCha: '000.00.00.H56',
  },
  {
    MaDinhDanh: '000.31.32.H56',
    TenDonVi: 'Ủy ban nhân dân phường Quyết Thắng',
    Cap: 3,
    MaDonViCha: '000.00.31.H56',
  },
  {
    MaDinhDanh: '000.31.33.H56',
    TenDonVi: 'Ủy ban nhân dân phường Thống Nhất',
    Cap: 3,
    MaDonViCha: '000.00.31.H56',
  },
];

/** The shipped procedures in the contract's shape (provenance fields stay local). */
export function seedProcedures(file = resourcePath('catalog', 'default.json')): Procedure[] {
  const parsed = CatalogSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw invalidInput({ vi: `Danh mục ${file}`, en: `catalog ${file}` }, parsed.error.issues);
  return parsed.data.procedures.map(({ source: _source, verified: _verified, ...procedure }) => {
    const { legalBasis: _legal, ...contractShape } = procedure as typeof procedure & {
      legalBasis?: unknown;
    };
    return contractShape;
  });
}
