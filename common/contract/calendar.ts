import { z } from 'zod';
import { defineMethod, NoInput } from './define';

const STAFF = ['clerk', 'supervisor', 'maintenance'] as const;
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** A date computed on the working-day calendar; provisional when a year's holidays are not announced yet. */
export const CalendarDate = z.object({ date: IsoDate, provisional: z.boolean() });

export const calendarMethods = {
  'calendar.addWorkdays': defineMethod({
    summary: 'The N-th working day after DATE on the Chinese calendar (holidays, 调休 make-up days, central overrides)',
    roles: STAFF,
    input: z.object({ date: IsoDate, n: z.number().int().min(0).max(3660) }).strict(),
    output: CalendarDate,
  }),
  'calendar.info': defineMethod({
    summary: 'Which years are announced, and how many central overrides apply',
    roles: STAFF,
    input: NoInput,
    output: z.object({ announcedYears: z.array(z.number().int()), overrides: z.number().int(), updatedAt: z.string().nullable() }),
  }),
};
