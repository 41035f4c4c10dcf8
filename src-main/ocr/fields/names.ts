/**
 * Personal names after their labels: "Ông (Bà):", "Họ và tên:", "Họ tên:", "Chủ hồ sơ:" and the
 * civil-status forms' "Họ, chữ đệm, tên (người yêu cầu):". A name
 * is two to six capitalised words; it ends at punctuation, at a lower-case word, or at the next
 * label printed on the same line ("Sinh ngày", "Giới tính", …). Dotted leaders of an unfilled
 * form give no name.
 */
import type { Candidate, FieldRule } from './candidate.js';

const LABEL =
  /(Ông\s*\(\s*Bà\s*\)|Bà\s*\(\s*Ông\s*\)|Họ\s+và\s+tên|Họ,?\s*chữ\s+đệm,?\s*(?:và\s+)?tên(?:\s+người\s+yêu\s+cầu)?|Họ\s+tên|Chủ\s+hồ\s+sơ)\s*[:.]?\s*/giu;
const WORD = /^\p{Lu}[\p{L}]*$/u;
/** The next label on the same line; single words like "Quốc" or "Nam" are also names, so two-word forms. */
const NEXT_LABEL =
  /^(Sinh\s+ngày|Ngày\s+sinh|Năm\s+sinh|Giới\s+tính|Quốc\s+tịch|Dân\s+tộc|Điện\s+thoại|Địa\s+chỉ|Nơi\s+\p{L}+|Số\s+\p{L}+|Mã\s+\p{L}+|CCCD|CMND)/iu;

export const nameRule: FieldRule = (text) => {
  const found: Candidate[] = [];
  for (const m of text.matchAll(LABEL)) {
    const from = m.index + m[0].length;
    const parts: string[] = [];
    let end = from;
    let pos = from;
    for (const token of text.slice(from).split(' ')) {
      const bare = token.replace(/[,;.]+$/, '');
      if (!WORD.test(bare) || NEXT_LABEL.test(text.slice(pos))) break;
      parts.push(bare);
      end = pos + bare.length;
      pos += token.length + 1;
      if (bare !== token || parts.length === 6) break; // punctuation closes the name
    }
    if (parts.length < 2) continue;
    const label = (m[1] ?? '').replace(/\s+/g, ' ');
    found.push({
      kind: 'name',
      value: parts.join(' ').normalize('NFC'),
      start: from,
      end,
      trust: 1,
      label,
    });
  }
  return found;
};
