import { describe, expect, it } from 'vitest';
import { extractFields } from '../../src-main/ocr/index.js';
import type { FieldKind, OcrField } from '../../src-main/ocr/index.js';
import { handPage } from './support.js';

function only(fields: OcrField[], kind: FieldKind): OcrField[] {
  return fields.filter((f) => f.kind === kind);
}

describe('field extraction', () => {
  it('reads a filled form: CCCD, dossier code, dates, phone and the name, each with its source box', () => {
    const fields = extractFields(
      handPage([
        'Mã hồ sơ: 000.00.06.H56-231027-0361',
        'Họ và tên: Nguyễn Văn Đặng',
        'Số CCCD: 079203001234 cấp ngày 15/03/2021',
        'Số điện thoại: 0903 123 456',
        'Hà Nội, ngày 27 tháng 10 năm 2023',
      ]),
    );
    expect(only(fields, 'dossierCode').map((f) => f.value)).toEqual(['000.00.06.H56-231027-0361']);
    const cccd = only(fields, 'cccd');
    expect(cccd).toHaveLength(1);
    expect(cccd[0]).toMatchObject({ value: '079203001234', label: 'CCCD', confidence: 0.9 });
    // hand pages give 20 px per character and 20 px gaps: "Số" 100..140, "CCCD:" 160..260, the number 280..520
    expect(cccd[0]?.box).toEqual({ x0: 280, y0: 220, x1: 520, y1: 260 });
    expect(
      only(fields, 'date')
        .map((f) => f.value)
        .sort(),
    ).toEqual(['2021-03-15', '2023-10-27']);
    expect(only(fields, 'phone')).toMatchObject([{ value: '0903123456', text: '0903 123 456' }]);
    expect(only(fields, 'name')).toMatchObject([{ value: 'Nguyễn Văn Đặng', label: 'Họ và tên' }]);
  });

  it('does not report parts of a dossier code as a date or the digits of a CCCD as a phone', () => {
    const fields = extractFields(handPage(['000.00.06.H56-231027-0361 079203001234']));
    expect(fields.map((f) => f.kind).sort()).toEqual(['cccd', 'dossierCode']);
  });

  it('repairs O/l slips where only digits can stand, at a cost in confidence', () => {
    const fields = extractFields(
      handPage(['CCCD: O792O3OO1234', 'Mã hồ sơ: 000.00.06.H56 - 23lO27 - 0361']),
    );
    const cccd = only(fields, 'cccd')[0];
    expect(cccd?.value).toBe('079203001234');
    expect(cccd?.confidence).toBeLessThan(0.9 * 0.6);
    expect(only(fields, 'dossierCode')[0]?.value).toBe('000.00.06.H56-231027-0361');
  });

  it('rejects numbers the domain rules refuse and impossible dates', () => {
    const fields = extractFields(
      handPage([
        'CCCD: 999203001234',
        'Ngày sinh: 31/02/1990',
        'Mã: 000.00.06.H56-231327-0361',
        'ĐT: 0123 456 789',
      ]),
    );
    expect(fields).toEqual([]);
  });

  it('takes nine digits as a CMND only after a label', () => {
    expect(only(extractFields(handPage(['Số CMND: 123456789'])), 'cmnd')).toMatchObject([
      { value: '123456789' },
    ]);
    expect(extractFields(handPage(['Số lượng 123456789 tờ']))).toEqual([]);
  });

  it('marks an unlabelled CCCD less trustworthy than a labelled one', () => {
    const [bare] = extractFields(handPage(['079203001234']));
    expect(bare?.kind).toBe('cccd');
    expect(bare?.confidence).toBeLessThan(0.9);
  });

  it('reads names after each label and stops at the next label or punctuation', () => {
    const names = (line: string): string[] =>
      only(extractFields(handPage([line])), 'name').map((f) => f.value);
    expect(names('Ông (Bà): TRẦN THỊ LAN Sinh ngày: 01/02/1990')).toEqual(['TRẦN THỊ LAN']);
    expect(names('Chủ hồ sơ: Lê Quốc Khánh, địa chỉ: Huế')).toEqual(['Lê Quốc Khánh']);
    expect(names('Họ, chữ đệm, tên người yêu cầu: PHẠM MINH TUẤN')).toEqual(['PHẠM MINH TUẤN']);
    expect(names('Họ và tên: ..............................')).toEqual([]);
    expect(names('Họ và tên: Lan')).toEqual([]);
  });

  it('normalises phone numbers written with +84 and landlines', () => {
    const phones = only(
      extractFields(handPage(['Điện thoại: +84 912 345 678, cơ quan 024 3825 1234'])),
      'phone',
    );
    expect(phones.map((p) => p.value).sort()).toEqual(['02438251234', '0912345678']);
  });
});
