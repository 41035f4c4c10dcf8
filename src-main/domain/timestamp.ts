/**
 * Gateway timestamps: `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh. Vietnam keeps UTC+7 all year (no
 * daylight saving), so a fixed offset is exact and needs no time-zone database.
 */
import { AppError } from './errors.js';

export const VN_OFFSET_MS = 7 * 3600_000;

/** A civil date-time in Vietnam, as plain numbers (month 1..12). */
export interface VnDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function toVn(date: Date): VnDateTime {
  const d = new Date(date.getTime() + VN_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

export function fromVn(v: VnDateTime): Date {
  return new Date(Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second) - VN_OFFSET_MS);
}

const p2 = (n: number): string => String(n).padStart(2, '0');

export function toGatewayTimestamp(date: Date): string {
  const v = toVn(date);
  return `${v.year}${p2(v.month)}${p2(v.day)}${p2(v.hour)}${p2(v.minute)}${p2(v.second)}`;
}

export function fromGatewayTimestamp(value: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
  const fail = (): AppError =>
    new AppError(
      'VALIDATION',
      {
        vi: `Thời điểm "${value}" không hợp lệ (dạng yyyyMMddHHmmss)`,
        en: `Invalid timestamp "${value}" (expected yyyyMMddHHmmss)`,
      },
      { details: { value } },
    );
  if (!m) throw fail();
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = fromVn({ year, month, day, hour, minute, second });
  if (toGatewayTimestamp(date) !== value) throw fail();
  return date;
}

/** YYMMDD of the Vietnamese civil date of `date` (the day part of a dossier code). */
export function vnDayCode(date: Date): string {
  return toGatewayTimestamp(date).slice(2, 8);
}
