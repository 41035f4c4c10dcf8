/**
 * Dossier codes `<agency>-YYMMDD-NNNN` (or provisional `TAM-…`). The recogniser often puts
 * spaces around the dots and dashes and reads 0 as O in the numeric parts; both are repaired
 * before the domain parser, which checks the agency form and that YYMMDD is a real day.
 */
import { parseDossierCode } from '../../domain/index.js';
import type { Candidate, FieldRule } from './candidate.js';
import { DIGITISH, repairDigits, repairTrust } from './digits.js';

const S = '\\s?';
const AGENCY = `[0-9A-Z]{2,3}${S}\\.${S}[0-9A-Z]{2}${S}\\.${S}[0-9A-Z]{2}${S}\\.${S}[A-Z]${DIGITISH}{2}`;
const CODE = new RegExp(
  `(TAM${S}-${S})?(${AGENCY})${S}[-–]${S}(${DIGITISH}{6})${S}[-–]${S}(${DIGITISH}{4})(?![\\p{L}\\p{N}])`,
  'gu',
);

export const dossierCodeRule: FieldRule = (text) => {
  const found: Candidate[] = [];
  for (const m of text.matchAll(CODE)) {
    const [, tam, agencyRaw = '', dayRaw = '', seqRaw = ''] = m;
    const agency = agencyRaw.replace(/\s/g, '');
    const provinceDigits = repairDigits(agency.slice(-2));
    const day = repairDigits(dayRaw);
    const seq = repairDigits(seqRaw);
    const code = `${tam ? 'TAM-' : ''}${agency.slice(0, -2)}${provinceDigits.digits}-${day.digits}-${seq.digits}`;
    if (!parseDossierCode(code)) continue;
    const repaired = provinceDigits.repaired + day.repaired + seq.repaired;
    found.push({
      kind: 'dossierCode',
      value: code,
      start: m.index,
      end: m.index + m[0].length,
      trust: repairTrust(repaired),
    });
  }
  return found;
};
