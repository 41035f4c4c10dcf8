/**
 * Dates as forms print them: `27/10/2023` (also with - or .) and the written form
 * "ngày 27 tháng 10 năm 2023". Values are ISO `yyyy-mm-dd`; impossible days are dropped.
 */
import type { Candidate, FieldRule } from './candidate.js';

const NUMERIC = /(?<!\d)(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4})(?!\d)/gu;
const WRITTEN = /ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})(?!\d)/giu;

export const dateRule: FieldRule = (text) => {
  const found: Candidate[] = [];
  for (const pattern of [WRITTEN, NUMERIC]) {
    for (const m of text.matchAll(pattern)) {
      const iso = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
      if (!iso) continue;
      found.push({
        kind: 'date',
        value: iso,
        start: m.index,
        end: m.index + m[0].length,
        trust: 1,
      });
    }
  }
  return found;
};

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2100) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return undefined;
  return d.toISOString().slice(0, 10);
}
