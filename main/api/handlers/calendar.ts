import { AppError } from '../../../common/contract/errors';
import { CalendarError } from '../../../common/domain/working-days';
import type { Services } from '../services';
import type { Handlers } from '../router';

export function calendarHandlers(s: Services): Handlers {
  return {
    'calendar.addWorkdays': ({ date, n }) => {
      try {
        return s.calendar.calendar.addWorkdays(date, n);
      } catch (err) {
        if (err instanceof CalendarError) throw new AppError('INVALID_INPUT', err.message);
        throw err;
      }
    },
    'calendar.info': () => s.calendar.info(),
  };
}
