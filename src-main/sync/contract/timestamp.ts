/**
 * Contract timestamps: `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh. Vietnam has kept UTC+7 without
 * daylight saving since 1975, so a fixed offset is exact and needs no time-zone database.
 */
const VN_OFFSET_MS = 7 * 3600_000;

export function toTimestamp14(date: Date): string {
  return new Date(date.getTime() + VN_OFFSET_MS).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** The YYMMDD day (Vietnam time) of a contract timestamp or a date: the day part of MaHoSo. */
export function dayOf(value: string | Date): string {
  const stamp = typeof value === 'string' ? value : toTimestamp14(value);
  return stamp.slice(2, 8);
}
