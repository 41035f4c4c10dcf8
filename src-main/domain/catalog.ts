/**
 * The offline catalog: agencies (đơn vị) and procedures (TTHC) with their component checklists.
 * Shapes follow the gateway contract (Agency, Procedure); `source`/`verified` say where an entry
 * of the shipped default catalog comes from and whether it was checked against that source.
 */
import { z } from 'zod';
import { AGENCY_CODE_PATTERN } from './agency-code.js';

export const AgencyCodeSchema = z
  .string()
  .regex(AGENCY_CODE_PATTERN, 'mã định danh đơn vị theo QCVN 102:2016, ví dụ 000.00.06.H56');

/** National procedure code, e.g. `1.001193` or `2.000815`. */
export const ProcedureCodeSchema = z
  .string()
  .regex(/^\d\.\d{6}$/, 'mã TTHC quốc gia dạng 1.001193');

export const AgencySchema = z.object({
  MaDinhDanh: AgencyCodeSchema,
  TenDonVi: z.string().min(1),
  Cap: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  MaDonViCha: AgencyCodeSchema.optional(),
});
export type Agency = z.infer<typeof AgencySchema>;

export const ProcedureComponentSchema = z.object({
  MaThanhPhanHoSo: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/),
  TenThanhPhanHoSo: z.string().min(1),
  BatBuoc: z.boolean(),
  SoBanChinh: z.number().int().min(0).optional(),
  SoBanSao: z.number().int().min(0).optional(),
});
export type ProcedureComponent = z.infer<typeof ProcedureComponentSchema>;

export const ProcedureSchema = z.object({
  MaTTHC: ProcedureCodeSchema,
  TenTTHC: z.string().min(1),
  MaLinhVuc: z.string().min(1),
  TenLinhVuc: z.string().min(1),
  CapThucHien: z.array(z.union([z.literal(1), z.literal(2), z.literal(3)])).optional(),
  ThoiHanGiaiQuyet: z.number().min(0).optional(),
  PhiDiaGioi: z.boolean().optional(),
  ThanhPhanHoSo: z.array(ProcedureComponentSchema).min(1),
  /** Public page the entry was taken from (dichvucong.gov.vn). */
  source: z.string().url().optional(),
  /** Laws and decrees the procedure rests on. */
  legalBasis: z.string().optional(),
  /** False when the entry was not checked against its source. */
  verified: z.boolean().optional(),
});
export type Procedure = z.infer<typeof ProcedureSchema>;

export const CatalogSchema = z.object({
  version: z.string().min(1),
  agencies: z.array(AgencySchema).default([]),
  procedures: z.array(ProcedureSchema).min(1),
});
export type Catalog = z.infer<typeof CatalogSchema>;
