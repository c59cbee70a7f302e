/**
 * 预约 (appointments) as the hall sees them: booked at the central appointment service for a hall
 * (and optionally one window), a date and a time slot, checked in (到号) at a window.
 */
export const APPOINTMENT_STATUSES = ['booked', 'checked_in', 'no_show', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** `HH:MM`, 24 h. */
export const SLOT_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** 预约码 without the optional hyphen after `YY`, upper case: the one form stored and looked up. */
export function canonicalAppointmentCode(text: string): string {
  return text.trim().toUpperCase().replace(/^YY-/, 'YY');
}

/** Minutes since midnight of `HH:MM`. */
export function slotMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Minutes since midnight, China time (halls are UTC+8, no daylight saving), of an instant. */
export function hallMinutes(at: Date): number {
  const d = new Date(at.getTime() + 8 * 3600_000);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
}

/**
 * How the applicant arrives against the booked slot: early (before the slot starts), on time
 * (within it) or late (after it ended), with the minutes off. Shown to the clerk; the hall decides
 * whether a late arrival is still served.
 */
export type Arrival = { kind: 'early' | 'on_time' | 'late'; minutes: number };

export function arrivalOf(slot: { start: string; end: string }, nowMinutes: number): Arrival {
  const start = slotMinutes(slot.start);
  const end = slotMinutes(slot.end);
  if (nowMinutes < start) return { kind: 'early', minutes: start - nowMinutes };
  if (nowMinutes > end) return { kind: 'late', minutes: nowMinutes - end };
  return { kind: 'on_time', minutes: 0 };
}

/**
 * A booked appointment whose slot has ended without a check-in is a no-show (爽约) for the day,
 * whether or not the central has marked it yet.
 */
export function isNoShow(a: { status: AppointmentStatus; date: string; slotEnd: string }, today: string, nowMinutes: number): boolean {
  if (a.status === 'no_show') return true;
  if (a.status !== 'booked') return false;
  return a.date < today || (a.date === today && nowMinutes > slotMinutes(a.slotEnd));
}
