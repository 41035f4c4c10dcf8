/**
 * Finding a procedure as a clerk types: by national code (1.001193) or by any words of its
 * name or field, without tone marks ("dang ky khai sinh" finds "Đăng ký khai sinh").
 * Favourites first, then recently used, then the rest by name.
 */
import { foldVietnamese, type Procedure } from '../../../src-main/domain/index.js';
import type { ProcedureMemory } from './procedure-memory.js';

export function rankProcedures(
  procedures: readonly Procedure[],
  query: string,
  memory: ProcedureMemory,
): Procedure[] {
  const words = foldVietnamese(query).split(/\s+/).filter(Boolean);
  const hits = procedures.filter((p) => {
    const text = foldVietnamese(`${p.MaTTHC} ${p.TenTTHC} ${p.TenLinhVuc}`);
    return words.every((w) => text.includes(w));
  });
  const rank = (p: Procedure) => {
    const fav = memory.favourites.indexOf(p.MaTTHC);
    if (fav >= 0) return fav;
    const recent = memory.recent.indexOf(p.MaTTHC);
    return recent >= 0 ? 1000 + recent : 10_000;
  };
  return hits.sort((a, b) => rank(a) - rank(b) || a.TenTTHC.localeCompare(b.TenTTHC, 'vi'));
}
