/** Summary statistics the benchmarks report (rounds, pages, calls). */

/** The median (mean of the middle two for an even count); NaN when there is nothing. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
