import { describe, expect, it } from 'vitest';
import { WorkCalendar } from './working-days';

const cal = WorkCalendar.create();

describe('working days on the 2026 Chinese calendar', () => {
  it('skips the Spring Festival holiday and counts the make-up Saturdays', () => {
    // 2026: 春节 holiday 02-15 … 02-23; make-up working days Sat 02-14 and Sat 02-28.
    expect(cal.isWorkday('2026-02-14')).toBe(true);
    expect(cal.isWorkday('2026-02-16')).toBe(false);
    expect(cal.isWorkday('2026-02-23')).toBe(false);
    expect(cal.isWorkday('2026-02-28')).toBe(true);
    expect(cal.addWorkdays('2026-02-13', 1)).toEqual({ date: '2026-02-14', provisional: false });
    expect(cal.addWorkdays('2026-02-13', 2)).toEqual({ date: '2026-02-24', provisional: false });
    // 02-24 … 02-27 are four, the make-up Saturday 02-28 the fifth.
    expect(cal.addWorkdays('2026-02-13', 6).date).toBe('2026-02-28');
    expect(cal.addWorkdays('2026-02-13', 7).date).toBe('2026-03-02');
  });

  it('skips National Day and counts the make-up Sunday before and Saturday after', () => {
    // 2026: 国庆 10-01 … 10-07; make-up Sun 09-20 and Sat 10-10.
    expect(cal.isWorkday('2026-09-20')).toBe(true);
    expect(cal.isWorkday('2026-10-10')).toBe(true);
    expect(cal.addWorkdays('2026-09-30', 1).date).toBe('2026-10-08');
    expect(cal.addWorkdays('2026-09-30', 3).date).toBe('2026-10-10');
    expect(cal.addWorkdays('2026-09-30', 4).date).toBe('2026-10-12');
    expect(cal.addWorkdays('2026-09-18', 1).date).toBe('2026-09-20');
  });

  it('returns the date itself for 0 days, and counts from the next day on a holiday', () => {
    expect(cal.addWorkdays('2026-10-03', 0)).toEqual({ date: '2026-10-03', provisional: false });
    expect(cal.addWorkdays('2026-10-03', 1).date).toBe('2026-10-08');
    expect(cal.workdaysBetween('2026-09-30', '2026-10-10')).toBe(3);
  });

  it('marks dates in a year whose holidays are not announced as provisional', () => {
    const r = cal.addWorkdays('2026-12-28', 5);
    expect(r.provisional).toBe(true);
    // New Year's Day is a fixed-date holiday even before the schedule is announced.
    expect(r.date).toBe('2027-01-05');
    expect(cal.addWorkdays('2026-12-21', 3).provisional).toBe(false);
  });

  it('applies central overrides and announced years', () => {
    const updated = cal.withUpdate({
      days: [
        { date: '2027-02-05', kind: 'holiday', name: '春节' },
        { date: '2027-02-06', kind: 'workday', name: '春节调休' },
      ],
      announcedYears: [2027],
    });
    expect(updated.isWorkday('2027-02-05')).toBe(false);
    expect(updated.isWorkday('2027-02-06')).toBe(true);
    expect(updated.addWorkdays('2027-02-04', 1)).toEqual({ date: '2027-02-06', provisional: false });
    expect(cal.isWorkday('2027-02-05')).toBe(true); // the original is untouched
  });

  it('refuses bad input with a Chinese message', () => {
    expect(() => cal.addWorkdays('2026-02-30', 1)).toThrow(/YYYY-MM-DD/);
    expect(() => cal.addWorkdays('2026-02-01', -1)).toThrow(/工作日数/);
    expect(() => cal.withUpdate({ days: [{ date: '2026-13-01', kind: 'holiday' }] })).toThrow(/日期无效/);
  });
});
