import { useCall } from '../../api/useCall';
import { hallToday } from '../../shared/dates';

/** Default supply deadline for 容缺 materials: 5 working days (the configured default) from today. */
export const DEFAULT_DEFER_WORKDAYS = 5;

export function useDeferDeadline(needed: boolean, workdays = DEFAULT_DEFER_WORKDAYS): string | null {
  const r = useCall('calendar.addWorkdays', needed ? { date: hallToday(), n: workdays } : null, [workdays]);
  if (!r.data) return null;
  return r.data.provisional ? `${r.data.date}*` : r.data.date;
}
