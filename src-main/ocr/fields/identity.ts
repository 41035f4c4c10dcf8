/**
 * CCCD (12 digits) and CMND (9 digits). A 12-digit run is a CCCD only when the domain rules
 * accept it (province code, structure); a 9-digit run is taken as a CMND only after a label,
 * since nine bare digits are too common to mean anything.
 */
import { isAppError, parseIdentityNumber } from '../../domain/index.js';
import type { Candidate, FieldRule } from './candidate.js';
import { DIGITISH, repairDigits, repairTrust } from './digits.js';

const LABEL = /(CCCD|CMND|CMT|căn\s*cước|chứng\s*minh|định\s*danh|hộ\s*chiếu)/iu;
// digits possibly grouped by spaces or dots ("079 203 001 234"), not glued to other digits/letters
const RUN = new RegExp(
  `(?<![\\p{L}\\p{N}])${DIGITISH}(?:[ .]?${DIGITISH}){8,13}(?![\\p{L}\\p{N}])`,
  'gu',
);

export const identityRule: FieldRule = (text) => {
  const found: Candidate[] = [];
  for (const m of text.matchAll(RUN)) {
    const raw = m[0];
    // a run of letters that happen to look like digits ("lol", "DOI") is not a number
    if ((raw.match(/[0-9]/g)?.length ?? 0) < 6) continue;
    const { digits, repaired } = repairDigits(raw);
    const label = LABEL.exec(text.slice(0, m.index))?.[1];
    const kind = digits.length === 12 ? 'cccd' : digits.length === 9 && label ? 'cmnd' : undefined;
    if (!kind) continue;
    try {
      parseIdentityNumber(digits);
    } catch (error) {
      if (isAppError(error)) continue;
      throw error;
    }
    found.push({
      kind,
      value: digits,
      start: m.index,
      end: m.index + raw.length,
      trust: repairTrust(repaired) * (label ? 1 : 0.85),
      ...(label ? { label } : {}),
    });
  }
  return found;
};
