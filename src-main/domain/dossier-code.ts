/**
 * Dossier codes (MaHoSo). The official form is `<agency>-YYMMDD-NNNN` with a daily sequence handed
 * out by the provincial system. A counter working offline with no leased code left uses a
 * provisional code `TAM-<agency>-YYMMDD-NNNN` ("tạm"), which can never match the official
 * pattern and is replaced by an official one at sync.
 */
import { AppError } from './errors.js';

const AGENCY = '[0-9A-Z]{2,3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}';
export const DOSSIER_CODE_PATTERN = new RegExp(`^(${AGENCY})-(\\d{6})-(\\d{4})$`);
export const PROVISIONAL_CODE_PATTERN = new RegExp(`^TAM-(${AGENCY})-(\\d{6})-(\\d{4})$`);

export interface DossierCodeParts {
  agency: string;
  /** YYMMDD of the reception day. */
  day: string;
  sequence: number;
  provisional: boolean;
}

function validDay(yymmdd: string): boolean {
  const y = 2000 + Number(yymmdd.slice(0, 2));
  const m = Number(yymmdd.slice(2, 4));
  const d = Number(yymmdd.slice(4, 6));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Parses an official or provisional code; undefined when it is neither. */
export function parseDossierCode(code: string): DossierCodeParts | undefined {
  const official = DOSSIER_CODE_PATTERN.exec(code);
  const provisional = official ? null : PROVISIONAL_CODE_PATTERN.exec(code);
  const m = official ?? provisional;
  if (!m) return undefined;
  const [, agency, day, seq] = m as unknown as [string, string, string, string];
  if (!validDay(day) || Number(seq) === 0) return undefined;
  return { agency, day, sequence: Number(seq), provisional: provisional !== null };
}

export function isOfficialDossierCode(code: string): boolean {
  return parseDossierCode(code)?.provisional === false;
}

export function isProvisionalDossierCode(code: string): boolean {
  return parseDossierCode(code)?.provisional === true;
}

/** Throws a VALIDATION AppError unless `code` is an official dossier code. */
export function assertOfficialDossierCode(code: string): DossierCodeParts {
  const parts = parseDossierCode(code);
  if (!parts || parts.provisional) {
    throw new AppError(
      'VALIDATION',
      {
        vi: `Mã hồ sơ "${code}" không hợp lệ; đúng dạng <mã đơn vị>-YYMMDD-NNNN, ví dụ 000.00.06.H56-231027-0361`,
        en: `Invalid dossier code "${code}"; expected <agency>-YYMMDD-NNNN, e.g. 000.00.06.H56-231027-0361`,
      },
      { details: { code } },
    );
  }
  return parts;
}

export function formatDossierCode(parts: DossierCodeParts): string {
  if (parts.sequence < 1 || parts.sequence > 9999) {
    throw new AppError(
      'VALIDATION',
      {
        vi: 'Số thứ tự hồ sơ trong ngày phải từ 1 đến 9999',
        en: 'The daily dossier sequence must be 1..9999',
      },
      { details: { sequence: parts.sequence } },
    );
  }
  const base = `${parts.agency}-${parts.day}-${String(parts.sequence).padStart(4, '0')}`;
  return parts.provisional ? `TAM-${base}` : base;
}
