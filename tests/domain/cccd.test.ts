import { describe, expect, it } from 'vitest';
import { AppError, parseIdentityNumber } from '../../src-main/domain/index.js';

describe('CCCD / CMND', () => {
  it('reads province, gender and birth year of a CCCD', () => {
    expect(parseIdentityNumber('001203012345')).toMatchObject({
      LoaiDinhDanh: '1',
      province: 'Hà Nội',
      gender: 'male',
      birthYear: 2003,
    });
    expect(parseIdentityNumber('079090000123')).toMatchObject({
      province: 'TP. Hồ Chí Minh',
      gender: 'male',
      birthYear: 1990,
    });
    expect(parseIdentityNumber('048305000001')).toMatchObject({
      province: 'Đà Nẵng',
      gender: 'female',
      birthYear: 2005,
    });
  });

  it('checks the gender/century digit and year against a known birth year', () => {
    expect(parseIdentityNumber('048305000001', 2005).birthYear).toBe(2005);
    expect(() => parseIdentityNumber('048105000001', 2005)).toThrow(/2005/); // century digit says 1905
    expect(() => parseIdentityNumber('048306000001', 2005)).toThrow(AppError);
  });

  it('accepts a 9-digit CMND as the old type', () => {
    expect(parseIdentityNumber('123456789')).toEqual({
      LoaiDinhDanh: '2',
      SoDinhDanh: '123456789',
    });
  });

  it.each([
    '0012030123456',
    '00120301234',
    '00120301234a',
    '003203012345' /* no province 003 */,
    '',
    '097203012345',
  ])('rejects %j with a clear message', (n) => {
    try {
      parseIdentityNumber(n);
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).code).toBe('VALIDATION');
      expect((error as AppError).localized('vi')).toMatch(/không hợp lệ/);
      expect((error as AppError).localized('en')).toMatch(/Invalid identity number/);
    }
  });
});
