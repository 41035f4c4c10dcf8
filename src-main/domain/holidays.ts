/**
 * Public holidays for counting working days (ngày làm việc) of public agencies.
 *
 * Labor Code 2019 art. 112: 1/1; Tết Nguyên đán (5 days, lunar); Giỗ Tổ Hùng Vương (10/3 lunar);
 * 30/4; 1/5; 2/9 plus the day before or after. A holiday on a weekend gives a compensatory day
 * off, and each year the government announces the exact schedule for civil servants, often
 * swapping a weekday off for a working Saturday.
 *
 * YEARS lists each year's announced schedule as we know it: weekday dates off and weekend dates
 * worked. Entries marked `verified: false` were written from memory of the announcements and must
 * be checked against the year's notice (Thông báo của Bộ Nội vụ / Bộ LĐ-TB&XH) before relying on
 * them; IT staff can extend the table. For a year not in the table only the solar-calendar
 * holidays are known (the lunar ones need the announcement), with weekend compensation.
 */
export interface HolidayYear {
  /** Weekday dates (YYYY-MM-DD) on which agencies are closed. */
  daysOff: readonly string[];
  /** Saturdays/Sundays that are working days (make-up for a swapped day). */
  workingWeekendDays: readonly string[];
  source: string;
  verified: boolean;
}

export const HOLIDAY_YEARS: Readonly<Record<number, HolidayYear>> = {
  2024: {
    daysOff: [
      '2024-01-01',
      '2024-02-08',
      '2024-02-09',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-04-18',
      '2024-04-29',
      '2024-04-30',
      '2024-05-01',
      '2024-09-02',
      '2024-09-03',
    ],
    workingWeekendDays: ['2024-05-04'],
    source: 'Thông báo lịch nghỉ Tết Giáp Thìn, 30/4–1/5 và 2/9 năm 2024 của Bộ LĐ-TB&XH',
    verified: false,
  },
  2025: {
    daysOff: [
      '2025-01-01',
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-05-02',
      '2025-09-01',
      '2025-09-02',
    ],
    workingWeekendDays: ['2025-04-26'],
    source: 'Thông báo lịch nghỉ Tết Ất Tỵ, 30/4–1/5 và 2/9 năm 2025 của Bộ LĐ-TB&XH / Bộ Nội vụ',
    verified: false,
  },
  2026: {
    daysOff: [
      '2026-01-01',
      '2026-01-02',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ],
    workingWeekendDays: ['2026-01-10'],
    source:
      'Lịch nghỉ Tết Dương lịch, Tết Bính Ngọ và các ngày lễ 2026 theo thông báo của Bộ Nội vụ',
    verified: false,
  },
};

/** Fixed solar-calendar holidays (MM-DD) used for years without an announced schedule. */
const SOLAR_HOLIDAYS = ['01-01', '04-30', '05-01', '09-02'] as const;

const iso = (y: number, m: number, d: number): string =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The schedule for `year`: the table entry, or solar holidays with weekend compensation. */
export function holidayYear(year: number): HolidayYear {
  const known = HOLIDAY_YEARS[year];
  if (known) return known;
  const daysOff: string[] = [];
  for (const md of SOLAR_HOLIDAYS) {
    const [m, d] = md.split('-').map(Number) as [number, number];
    const date = new Date(Date.UTC(year, m - 1, d));
    // Compensation goes to the next weekday that is not itself a holiday.
    while (
      date.getUTCDay() === 0 ||
      date.getUTCDay() === 6 ||
      daysOff.includes(date.toISOString().slice(0, 10))
    ) {
      date.setUTCDate(date.getUTCDate() + 1);
    }
    daysOff.push(iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()));
  }
  return {
    daysOff,
    workingWeekendDays: [],
    source: 'Bộ luật Lao động 2019 điều 112 (chỉ ngày lễ dương lịch)',
    verified: false,
  };
}
