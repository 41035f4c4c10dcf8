import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  fromGatewayTimestamp,
  holidayYear,
  isWorkingDay,
  toGatewayTimestamp,
} from '../../src-main/domain/index.js';

const due = (received: string, days: number): string =>
  toGatewayTimestamp(addWorkingDays(fromGatewayTimestamp(received), days));

describe('NgayHenTra in working days', () => {
  it('skips the weekend', () => {
    // Friday 2025-10-17 09:30 + 1 working day → Monday 2025-10-20 09:30
    expect(due('20251017093000', 1)).toBe('20251020093000');
    expect(due('20251015093000', 3)).toBe('20251020093000');
  });

  it('skips Tết and the 30/4–1/5 holidays and counts make-up Saturdays as working days', () => {
    // Received Friday 2025-01-24; Tết off 27–31/1; + 2 working days → Tuesday 2025-02-04
    expect(due('20250124100000', 2)).toBe('20250204100000');
    // Saturday 2025-04-26 is worked in exchange for Friday 2/5
    expect(isWorkingDay({ year: 2025, month: 4, day: 26 })).toBe(true);
    expect(isWorkingDay({ year: 2025, month: 5, day: 2 })).toBe(false);
    // Received Tuesday 2025-04-29 + 1 → Monday 2025-05-05
    expect(due('20250429080000', 1)).toBe('20250505080000');
  });

  it('"within the day" is due at 17:00, on the next working day when received on a day off', () => {
    expect(due('20251016083000', 0)).toBe('20251016170000');
    expect(due('20251018083000', 0)).toBe('20251020170000');
  });

  it('rounds a fraction of a day up', () => {
    expect(due('20251016083000', 0.5)).toBe('20251017083000');
  });

  it('falls back to solar holidays with weekend compensation for years not in the table', () => {
    const y = holidayYear(2031); // 2031-02-09... not listed; 2 September 2031 is a Tuesday
    expect(y.daysOff).toContain('2031-09-02');
    // 1 January 2033 is a Saturday → compensated on Monday 3 January
    expect(holidayYear(2033).daysOff).toContain('2033-01-03');
  });

  it('rejects impossible timestamps', () => {
    expect(() => fromGatewayTimestamp('20250230100000')).toThrow(/yyyyMMddHHmmss/);
  });
});
