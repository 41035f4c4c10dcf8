/**
 * The applicant's CCCD/CMND checked as it is typed, with the same domain rules the core applies
 * when the dossier is created (digits, province code, birth year against the century digit).
 */
import {
  isAppError,
  parseIdentityNumber,
  type ParsedIdentity,
} from '../../../src-main/domain/index.js';

export type IdentityCheck =
  | { state: 'empty' }
  | { state: 'typing'; digits: number }
  | { state: 'ok'; identity: ParsedIdentity }
  | { state: 'invalid'; message: { vi: string; en: string } };

export function checkIdentity(raw: string, birthYear?: number): IdentityCheck {
  const value = raw.trim();
  if (value === '') return { state: 'empty' };
  // Still typing digits towards 9 or 12: say how many, not "wrong" after the first keystroke.
  if (/^\d{1,11}$/.test(value) && value.length !== 9)
    return { state: 'typing', digits: value.length };
  try {
    return { state: 'ok', identity: parseIdentityNumber(value, birthYear) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { state: 'invalid', message: { vi: error.messageVi, en: error.message } };
  }
}
