/**
 * The gateway contract (`shared/contracts/gateway.openapi.yaml`) as zod schemas, shared by the
 * client (which validates every answer) and the reference gateway (which validates every
 * request). Field names are the national portal's; do not rename them.
 */
import { z } from 'zod';
import { AgencyCodeSchema, AgencySchema, DOSSIER_CODE_PATTERN } from '../../domain/index.js';

export const MaDinhDanh = AgencyCodeSchema;
export const MaHoSo = z
  .string()
  .regex(DOSSIER_CODE_PATTERN, 'MaHoSo: expected e.g. 000.00.06.H56-231027-0361');
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'sha256: 64 lowercase hex digits');
/** yyyyMMddHHmmss in Asia/Ho_Chi_Minh. */
export const Timestamp14 = z.string().regex(/^\d{14}$/, 'timestamp: yyyyMMddHHmmss');

export const ErrorBody = z.object({ error_code: z.number().int(), message: z.string() });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const TokenRequest = z.object({
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  MaDonVi: MaDinhDanh,
});
export type TokenRequest = z.infer<typeof TokenRequest>;
export const TokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().positive(),
});
export type TokenResponse = z.infer<typeof TokenResponse>;

export const Agency = AgencySchema;
export type Agency = z.infer<typeof Agency>;

export const ThanhPhanHoSo = z.object({
  MaThanhPhanHoSo: z.string().min(1),
  TenThanhPhanHoSo: z.string().min(1),
  BatBuoc: z.boolean(),
  SoBanChinh: z.number().int().optional(),
  SoBanSao: z.number().int().optional(),
});
export const Procedure = z.object({
  MaTTHC: z.string().min(1),
  TenTTHC: z.string().min(1),
  MaLinhVuc: z.string().min(1),
  TenLinhVuc: z.string().min(1),
  CapThucHien: z.array(z.union([z.literal(1), z.literal(2), z.literal(3)])).optional(),
  ThoiHanGiaiQuyet: z.number().optional(),
  PhiDiaGioi: z.boolean().optional(),
  ThanhPhanHoSo: z.array(ThanhPhanHoSo),
});
export type Procedure = z.infer<typeof Procedure>;

export const AgencyList = z.object({ version: z.string(), items: z.array(Agency) });
export type AgencyList = z.infer<typeof AgencyList>;
export const ProcedureList = z.object({ version: z.string(), items: z.array(Procedure) });
export type ProcedureList = z.infer<typeof ProcedureList>;

export const CodeLeaseRequest = z.object({
  MaDonVi: MaDinhDanh,
  Ngay: z.string().regex(/^\d{6}$/, 'Ngay: YYMMDD'),
  SoLuong: z.number().int().min(1).max(500),
});
export type CodeLeaseRequest = z.infer<typeof CodeLeaseRequest>;
export const CodeLeaseResponse = z.object({ MaHoSo: z.array(MaHoSo) });

export const TaiLieuNop = z.object({
  TepDinhKemId: z.string().min(1),
  TenTepDinhKem: z.string().min(1),
  MaThanhPhanHoSo: z.string().min(1),
  DuocSoHoa: z.union([z.literal(0), z.literal(1)]).optional(),
  HashTepTin: Sha256Hex,
  SoTrang: z.number().int().nonnegative().optional(),
  CoChuKySo: z.union([z.literal(0), z.literal(1)]).optional(),
  IsDeleted: z.boolean().optional(),
});
export type TaiLieuNop = z.infer<typeof TaiLieuNop>;

export const GiayToKetQua = z.object({
  MaKetQua: z.string().optional(),
  TenGiayTo: z.string().min(1),
  TepDinhKemId: z.string().min(1),
  HashTepTin: Sha256Hex,
});

export const Dossier = z.object({
  MaHoSo,
  MaTTHC: z.string().min(1),
  TenTTHC: z.string().min(1),
  MaLinhVuc: z.string().optional(),
  TenLinhVuc: z.string().optional(),
  ChuHoSo: z.string().min(1),
  LoaiDoiTuong: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  DinhDanhCHS: z
    .object({
      LoaiDinhDanh: z.enum(['1', '2']).optional(),
      SoDinhDanh: z
        .string()
        .regex(/^(\d{12}|\d{9})$/, 'SoDinhDanh: 12-digit CCCD or 9-digit CMND')
        .optional(),
    })
    .optional(),
  SoDienThoai: z.string().optional(),
  Email: z.string().optional(),
  DiaChi: z.string().optional(),
  TrichYeuHoSo: z.string().optional(),
  NoiNopHoSo: MaDinhDanh,
  DonViXuLy: MaDinhDanh,
  KenhThucHien: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  NgayTiepNhan: Timestamp14,
  NgayHenTra: Timestamp14.optional(),
  TrangThaiHoSo: z.number().int().min(1).max(10),
  HoSoCoThanhPhanSoHoa: z.union([z.literal(0), z.literal(1)]).optional(),
  TaiLieuNop: z.array(TaiLieuNop),
  DanhSachGiayToKetQua: z.array(GiayToKetQua).optional(),
});
export type Dossier = z.infer<typeof Dossier>;

export const SavedResponse = z.object({
  error_code: z.literal(0),
  MaHoSo,
  PhienBan: z.string().min(1),
});
export type SavedResponse = z.infer<typeof SavedResponse>;

export const RemoteDossier = Dossier.extend({ PhienBan: z.string().min(1) });
export type RemoteDossier = z.infer<typeof RemoteDossier>;
