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

const DossierCodeInput = z.string().trim().min(1).max(64);
const ComponentCodeInput = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, 'mã thành phần hồ sơ / component code');
/** Base64 of at most 3 MiB of file (the browser transport carries 4 MiB of JSON). */
const MAX_FILE_BASE64 = Math.ceil((3 * 1024 * 1024) / 3) * 4;
const FileBase64 = z
  .string()
  .min(8)
  .max(MAX_FILE_BASE64, 'tệp tối đa 3 MB / at most 3 MB')
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64');

/** Reuse a document of an earlier dossier, or a result paper, in a component of this dossier. */
export const ReuseInputSchema = z.strictObject({
  MaHoSo: DossierCodeInput,
  MaThanhPhanHoSo: ComponentCodeInput,
  from: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('document'), documentId: z.number().int().positive() }),
    z.strictObject({ kind: z.literal('result'), resultId: z.number().int().positive() }),
  ]),
});
export type ReuseInput = z.input<typeof ReuseInputSchema>;

/** A result paper (giấy tờ kết quả) digitized when the citizen collects it. */
export const AddResultInputSchema = z.strictObject({
  MaHoSo: DossierCodeInput,
  MaKetQua: z.string().trim().min(1).max(64).optional(),
  TenGiayTo: SafeNameSchema,
  /** Số hiệu / số quyết định printed on the paper. */
  SoGiayTo: z.string().trim().min(1).max(64).optional(),
  /** Date of issue, yyyyMMdd. */
  NgayCap: z
    .string()
    .regex(/^\d{8}$/, 'yyyyMMdd')
    .refine((v) => {
      const d = new Date(`${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10).replaceAll('-', '') === v;
    }, 'không phải ngày có thật / not a real date')
    .optional(),
  /** The scanned paper: PDF, PNG or JPEG, base64. */
  file: FileBase64,
});
export type AddResultInput = z.input<typeof AddResultInputSchema>;

/** Result papers by owner (CCCD/CMND), by document number, or of one dossier. */
export const FindResultsInputSchema = z
  .strictObject({
    SoDinhDanh: z
      .string()
      .trim()
      .regex(/^(\d{9}|\d{12})$/, 'CCCD 12 chữ số hoặc CMND 9 chữ số / 12 or 9 digits')
      .optional(),
    SoGiayTo: z.string().trim().min(1).max(64).optional(),
    MaHoSo: DossierCodeInput.optional(),
  })
  .refine((q) => q.SoDinhDanh ?? q.SoGiayTo ?? q.MaHoSo, {
    message: 'cần SoDinhDanh, SoGiayTo hoặc MaHoSo / give SoDinhDanh, SoGiayTo or MaHoSo',
  });
export type FindResultsInput = z.input<typeof FindResultsInputSchema>;
