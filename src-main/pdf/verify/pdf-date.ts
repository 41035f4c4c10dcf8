/** PDF date strings (ISO 32000-1 §7.9.4): `D:YYYYMMDDHHmmSS+HH'mm'`. */

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** Formats `date` in the given UTC offset (minutes east of UTC, e.g. 420 for Việt Nam). */
export function formatPdfDate(date: Date, offsetMinutes: number): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return (
    `D:${local.getUTCFullYear()}${two(local.getUTCMonth() + 1)}${two(local.getUTCDate())}` +
    `${two(local.getUTCHours())}${two(local.getUTCMinutes())}${two(local.getUTCSeconds())}` +
    `${sign}${two(Math.floor(abs / 60))}'${two(abs % 60)}'`
  );
}

/** ISO 8601 with the given UTC offset, e.g. `2026-11-26T17:58:00+07:00` (what the stamp shows). */
export function formatIsoWithOffset(date: Date, offsetMinutes: number): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${local.toISOString().slice(0, 19)}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

const pattern =
  /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([+\-Z])(?:(\d{2})'?(\d{2})?'?)?)?/;

export function parsePdfDate(text: string): Date | undefined {
  const m = pattern.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const offset =
    sign === '+' || sign === '-' ? (sign === '+' ? 1 : -1) * (Number(oh) * 60 + Number(om)) : 0;
  const result = new Date(utc - offset * 60_000);
  return Number.isNaN(result.getTime()) ? undefined : result;
}
