import { describe, expect, it } from 'vitest';
import {
  AppError,
  assertOfficialDossierCode,
  formatDossierCode,
  isAgencyCode,
  isOfficialDossierCode,
  isProvisionalDossierCode,
  parseDossierCode,
} from '../../src-main/domain/index.js';

describe('dossier codes', () => {
  it('parses the official example from QCVN 102 agencies', () => {
    expect(parseDossierCode('000.00.06.H56-231027-0361')).toEqual({
      agency: '000.00.06.H56',
      day: '231027',
      sequence: 361,
      provisional: false,
    });
    expect(isOfficialDossierCode('000.00.06.H56-231027-0361')).toBe(true);
  });

  it('formats and re-parses provisional codes, which never pass as official', () => {
    const code = formatDossierCode({
      agency: 'G22.15.01.H56',
      day: '261126',
      sequence: 7,
      provisional: true,
    });
    expect(code).toBe('TAM-G22.15.01.H56-261126-0007');
    expect(isProvisionalDossierCode(code)).toBe(true);
    expect(isOfficialDossierCode(code)).toBe(false);
    expect(() => assertOfficialDossierCode(code)).toThrow(AppError);
  });

  it.each([
    '000.00.06.H56-231027-361', // short sequence
    '000.00.06.H56-231027-0000', // sequence 0
    '000.00.06.H56-231332-0001', // month 13
    '000.00.06.H56-230230-0001', // 30 February
    '000.00.06.h56-231027-0001', // lower case province
    '00.06.H56-231027-0001', // missing level
    '000.00.06.H56-231027-0001 ', // trailing space
    '../000.00.06.H56-231027-0001',
  ])('rejects %s with a bilingual validation error', (code) => {
    expect(parseDossierCode(code)).toBeUndefined();
    try {
      assertOfficialDossierCode(code);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const e = error as AppError;
      expect(e.code).toBe('VALIDATION');
      expect(e.localized('vi')).toContain('Mã hồ sơ');
      expect(e.localized('en')).toContain('Invalid dossier code');
    }
  });

  it('refuses a sequence beyond the 4 digits of the format', () => {
    expect(() =>
      formatDossierCode({
        agency: '000.00.06.H56',
        day: '231027',
        sequence: 10_000,
        provisional: false,
      }),
    ).toThrow(/1\.\.9999/);
  });

  it('validates agency codes', () => {
    expect(isAgencyCode('000.00.06.H56')).toBe(true);
    expect(isAgencyCode('H56')).toBe(false);
  });
});
