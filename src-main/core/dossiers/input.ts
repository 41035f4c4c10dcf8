/**
 * What a person (clerk UI, CLI, HTTP) may send to create or query dossiers. Every entry point
 * parses with these schemas first; a failure becomes one VALIDATION AppError naming the fields.
 */
import { z } from 'zod';
import type { DossierStatus, LocalizedMessage } from '../../domain/index.js';
import {
  AgencyCodeSchema,
  AppError,
  ProcedureCodeSchema,
  SafeNameSchema,
  fromGatewayTimestamp,
} from '../../domain/index.js';

const GatewayTimestamp = z
  .string()
  .regex(/^\d{14}$/, 'yyyyMMddHHmmss')
  .refine((v) => {
    try {
      fromGatewayTimestamp(v);
      return true;
    } catch {
      return false;
    }
  }, 'không phải thời điểm có thật / not a real date-time');

export const NewDossierInputSchema = z.strictObject({
  MaTTHC: ProcedureCodeSchema,
  ChuHoSo: SafeNameSchema,
  LoaiDoiTuong: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).default(1),
  /** CCCD (12 digits) or old CMND (9 digits); checked against the birth year when given. */
  SoDinhDanh: z.string().trim().optional(),
  NamSinh: z.number().int().min(1900).max(2100).optional(),
  SoDienThoai: z
    .string()
    .trim()
    .regex(/^\+?[0-9 .-]{8,15}$/, 'số điện thoại / phone number')
    .optional(),
  Email: z.email().optional(),
  DiaChi: z.string().trim().min(1).max(500).optional(),
  TrichYeuHoSo: z.string().trim().min(1).max(2000).optional(),
  /** Receiving agency; default: the station's configured agency. */
  NoiNopHoSo: AgencyCodeSchema.optional(),
  /** Handling agency; default: the receiving agency. */
  DonViXuLy: AgencyCodeSchema.optional(),
  KenhThucHien: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(1),
  /** Default: now. */
  NgayTiepNhan: GatewayTimestamp.optional(),
});
export type NewDossierInput = z.input<typeof NewDossierInputSchema>;

export const DossierQuerySchema = z.strictObject({
  MaTTHC: ProcedureCodeSchema.optional(),
  TrangThaiHoSo: z
    .number()
    .int()
    .min(1)
    .max(10)
    .transform((v) => v as DossierStatus)
    .optional(),
  /** yyyyMMdd… prefix of NgayTiepNhan, inclusive. */
  from: z
    .string()
    .regex(/^\d{8}(\d{6})?$/, 'yyyyMMdd[HHmmss]')
    .optional(),
  to: z
    .string()
    .regex(/^\d{8}(\d{6})?$/, 'yyyyMMdd[HHmmss]')
    .optional(),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
});
export type DossierQuery = z.input<typeof DossierQuerySchema>;

export const SearchInputSchema = DossierQuerySchema.extend({
  query: z.string().max(500),
  limit: z.number().int().min(1).max(100).default(20),
});
export type SearchInput = z.input<typeof SearchInputSchema>;

/** Parses `value` or throws one VALIDATION AppError listing every problem. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: LocalizedMessage,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const text = z.prettifyError(result.error);
  throw new AppError(
    'VALIDATION',
    { vi: `${what.vi} không hợp lệ:\n${text}`, en: `Invalid ${what.en}:\n${text}` },
    {
      details: {
        issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      },
    },
  );
}
