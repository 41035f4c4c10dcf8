/**
 * NgayHenTra (appointment date for the result) from NgayTiepNhan and the procedure's time limit
 * in working days. Counting starts on the working day after reception (reception day itself is
 * day 0), so a dossier received on Friday with a 1-day limit is due on Monday; the due time keeps
 * the reception's clock time. A limit of 0 ("trong ngày") is due at 17:00 of the reception day
 * (or of the next working day if received on a day off). Fractions of a day round up: a clerk
 * cannot promise half a day without office-hour rules, which differ per province.
 */
import { holidayYear } from './holidays.js';
import { fromVn, toVn } from './timestamp.js';
import type { VnDateTime } from './timestamp.js';

const CLOSE_OF_BUSINESS_HOUR = 17;

function dayIso(v: Pick<VnDateTime, 'year' | 'month' | 'day'>): string {
  return `${v.year}-${String(v.month).padStart(2, '0')}-${String(v.day).padStart(2, '0')}`;
}

/** Whether agencies work on this Vietnamese civil date. */
export function isWorkingDay(v: Pick<VnDateTime, 'year' | 'month' | 'day'>): boolean {
  const schedule = holidayYear(v.year);
  const key = dayIso(v);
  if (schedule.workingWeekendDays.includes(key)) return true;
  const weekday = new Date(Date.UTC(v.year, v.month - 1, v.day)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !schedule.daysOff.includes(key);
}

function nextDay(v: VnDateTime): VnDateTime {
  const d = new Date(Date.UTC(v.year, v.month - 1, v.day + 1));
  return { ...v, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addWorkingDays(received: Date, workingDays: number): Date {
  if (!Number.isFinite(workingDays) || workingDays < 0)
    throw new RangeError(`working days must be >= 0, got ${workingDays}`);
  let v = toVn(received);
  const whole = Math.ceil(workingDays);
  if (whole === 0) {
    while (!isWorkingDay(v)) v = nextDay(v);
    return fromVn({ ...v, hour: CLOSE_OF_BUSINESS_HOUR, minute: 0, second: 0 });
  }
  for (let counted = 0; counted < whole;) {
    v = nextDay(v);
    if (isWorkingDay(v)) counted += 1;
  }
  return fromVn(v);
}
