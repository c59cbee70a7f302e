import { hallDate } from '../../common/domain/hall-date';
import type { TimeLimit } from '../../common/domain/item-types';
import type { WorkCalendar, WorkdayResult } from '../../common/domain/working-days';

/**
 * 承诺办结日期 from the accept time and the item's promised limit: working days on the Chinese
 * calendar (counting from the day after acceptance), natural days, hours, or the same day for 即办件.
 */
export function promisedDate(cal: WorkCalendar, at: Date, limit: TimeLimit): WorkdayResult {
  const day = hallDate(at);
  switch (limit.unit) {
    case 'immediate':
      return { date: day, provisional: false };
    case 'workday':
      return cal.addWorkdays(day, limit.value);
    case 'day':
      return cal.addNaturalDays(day, limit.value);
    case 'hour':
      return { date: hallDate(new Date(at.getTime() + limit.value * 3600_000)), provisional: false };
    default: {
      const never: never = limit.unit;
      throw new Error(`unknown limit unit ${String(never)}`);
    }
  }
}
