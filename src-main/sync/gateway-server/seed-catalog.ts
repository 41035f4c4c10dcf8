/**
 * The catalog a fresh reference gateway starts with: one province's agencies at three levels
 * and a handful of common procedures with their required components, so a trial station can
 * receive dossiers at once. A real provincial system serves its own catalog.
 */
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

const CMND = {
  MaThanhPhanHoSo: 'GT-CCCD',
  TenThanhPhanHoSo: 'Căn cước công dân của người yêu cầu',
  BatBuoc: true,
  SoBanSao: 1,
};

export const SEED_PROCEDURES: Procedure[] = [
  {
    MaTTHC: '1.001193',
    TenTTHC: 'Thủ tục đăng ký khai sinh',
    MaLinhVuc: 'HT',
    TenLinhVuc: 'Hộ tịch',
    CapThucHien: [3],
    ThoiHanGiaiQuyet: 1,
    PhiDiaGioi: true,
    ThanhPhanHoSo: [
      {
        MaThanhPhanHoSo: 'TK-KS',
        TenThanhPhanHoSo: 'Tờ khai đăng ký khai sinh',
        BatBuoc: true,
        SoBanChinh: 1,
      },
      { MaThanhPhanHoSo: 'GCS', TenThanhPhanHoSo: 'Giấy chứng sinh', BatBuoc: true, SoBanChinh: 1 },
      CMND,
    ],
  },
  {
    MaTTHC: '1.000894',
    TenTTHC: 'Thủ tục đăng ký kết hôn',
    MaLinhVuc: 'HT',
    TenLinhVuc: 'Hộ tịch',
    CapThucHien: [3],
    ThoiHanGiaiQuyet: 1,
    PhiDiaGioi: false,
    ThanhPhanHoSo: [
      {
        MaThanhPhanHoSo: 'TK-KH',
        TenThanhPhanHoSo: 'Tờ khai đăng ký kết hôn',
        BatBuoc: true,
        SoBanChinh: 1,
      },
      {
        MaThanhPhanHoSo: 'XN-HN',
        TenThanhPhanHoSo: 'Giấy xác nhận tình trạng hôn nhân',
        BatBuoc: true,
        SoBanChinh: 1,
      },
      CMND,
    ],
  },
  {
    MaTTHC: '2.000908',
    TenTTHC: 'Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản',
    MaLinhVuc: 'CT',
    TenLinhVuc: 'Chứng thực',
    CapThucHien: [2, 3],
    ThoiHanGiaiQuyet: 0.5,
    PhiDiaGioi: true,
    ThanhPhanHoSo: [
      {
        MaThanhPhanHoSo: 'BC',
        TenThanhPhanHoSo: 'Bản chính giấy tờ, văn bản cần chứng thực',
        BatBuoc: true,
        SoBanChinh: 1,
      },
      {
        MaThanhPhanHoSo: 'BS',
        TenThanhPhanHoSo: 'Bản sao cần chứng thực',
        BatBuoc: true,
        SoBanSao: 1,
      },
    ],
  },
  {
    MaTTHC: '1.001612',
    TenTTHC: 'Thủ tục đăng ký thành lập hộ kinh doanh',
    MaLinhVuc: 'TLHKD',
    TenLinhVuc: 'Thành lập và hoạt động của hộ kinh doanh',
    CapThucHien: [2],
    ThoiHanGiaiQuyet: 3,
    PhiDiaGioi: false,
    ThanhPhanHoSo: [
      {
        MaThanhPhanHoSo: 'GDN',
        TenThanhPhanHoSo: 'Giấy đề nghị đăng ký hộ kinh doanh',
        BatBuoc: true,
        SoBanChinh: 1,
      },
      CMND,
      {
        MaThanhPhanHoSo: 'HD-THUE',
        TenThanhPhanHoSo: 'Hợp đồng thuê địa điểm kinh doanh',
        BatBuoc: false,
        SoBanSao: 1,
      },
    ],
  },
  {
    MaTTHC: '1.004227',
    TenTTHC: 'Thủ tục cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
    MaLinhVuc: 'LLTP',
    TenLinhVuc: 'Lý lịch tư pháp',
    CapThucHien: [1],
    ThoiHanGiaiQuyet: 10,
    PhiDiaGioi: true,
    ThanhPhanHoSo: [
      {
        MaThanhPhanHoSo: 'TK-LLTP',
        TenThanhPhanHoSo: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp',
        BatBuoc: true,
        SoBanChinh: 1,
      },
      CMND,
      {
        MaThanhPhanHoSo: 'XN-CT',
        TenThanhPhanHoSo: 'Giấy tờ chứng minh nơi cư trú',
        BatBuoc: false,
        SoBanSao: 1,
      },
    ],
  },
];
