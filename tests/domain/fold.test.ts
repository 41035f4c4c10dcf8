import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../src-main/domain/index.js';

describe('Vietnamese folding', () => {
  it('removes tone and vowel marks and folds đ/Đ to d', () => {
    expect(foldVietnamese('Đăng ký khai sinh')).toBe('dang ky khai sinh');
    expect(foldVietnamese('Nguyễn Văn Đặng')).toBe('nguyen van dang');
    expect(foldVietnamese('ƯỚC LƯỢNG Ơ Ư Â Ê Ô')).toBe('uoc luong o u a e o');
  });

  it('keeps every UTF-16 position, also for decomposed input and astral characters', () => {
    for (const s of ['Đặng Thị Hồng Nhung', 'Nguye\u0302\u0303n', 'ký 𝒳 tên', 'İstanbul']) {
      expect(foldVietnamese(s).length).toBe(s.normalize('NFC').length);
    }
  });
});
