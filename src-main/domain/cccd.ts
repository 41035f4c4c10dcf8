/**
 * Personal identity numbers (DinhDanhCHS). The 12-digit CCCD (căn cước công dân, Circular
 * 07/2016/TT-BCA, now "căn cước") is: 3 digits province of birth registration, 1 digit
 * gender+century, 2 digits year of birth, 6 random digits. The 9-digit CMND is the old type and is
 * accepted without structure checks (it has none that can be checked offline).
 */
import { AppError } from './errors.js';

/** Province codes of the 63 provinces as CCCD uses them (administrative unit codes, QĐ 124/2004). */
export const CCCD_PROVINCES: Readonly<Record<string, string>> = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'TP. Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
};

/** LoaiDinhDanh of the gateway contract: '1' = 12-digit CCCD, '2' = 9-digit CMND. */
export type IdentityKind = '1' | '2';

export interface ParsedIdentity {
  LoaiDinhDanh: IdentityKind;
  SoDinhDanh: string;
  /** Present for a CCCD. */
  province?: string;
  gender?: 'male' | 'female';
  /** Birth year as far as the number tells it (CCCD only). */
  birthYear?: number;
}

function invalid(number: string, vi: string, en: string): AppError {
  return new AppError(
    'VALIDATION',
    {
      vi: `Số định danh "${number}" không hợp lệ: ${vi}`,
      en: `Invalid identity number "${number}": ${en}`,
    },
    { details: { number } },
  );
}

/**
 * Validates a CCCD (12 digits) or CMND (9 digits). When `birthYear` is known, the CCCD's
 * gender/century digit and year digits must agree with it. Throws a VALIDATION AppError.
 */
export function parseIdentityNumber(input: string, birthYear?: number): ParsedIdentity {
  const number = input.trim();
  if (/^\d{9}$/.test(number)) return { LoaiDinhDanh: '2', SoDinhDanh: number };
  if (!/^\d{12}$/.test(number)) {
    throw invalid(
      number,
      'CCCD gồm đúng 12 chữ số (CMND cũ: 9 chữ số)',
      'a CCCD has exactly 12 digits (old CMND: 9 digits)',
    );
  }
  const provinceCode = number.slice(0, 3);
  const province = CCCD_PROVINCES[provinceCode];
  if (!province)
    throw invalid(
      number,
      `mã tỉnh ${provinceCode} không tồn tại`,
      `province code ${provinceCode} does not exist`,
    );
  const genderCentury = Number(number[3]);
  const century = 1900 + Math.floor(genderCentury / 2) * 100;
  const year = century + Number(number.slice(4, 6));
  if (birthYear !== undefined && birthYear !== year) {
    throw invalid(
      number,
      `chữ số giới tính/thế kỷ và năm sinh (${year}) không khớp năm sinh ${birthYear}`,
      `gender/century and year digits (${year}) do not match birth year ${birthYear}`,
    );
  }
  return {
    LoaiDinhDanh: '1',
    SoDinhDanh: number,
    province,
    gender: genderCentury % 2 === 0 ? 'male' : 'female',
    birthYear: year,
  };
}
