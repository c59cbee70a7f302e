/**
 * Calendar dates as the hall sees them. Halls are in China (UTC+8, no daylight saving), so a fixed
 * offset gives the same answer as the time-zone database without depending on the machine's zone.
 */

const CHINA_OFFSET_MS = 8 * 3600_000;

/** `YYYY-MM-DD` of an instant in China time. */
export function hallDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** `yyyyMMdd` of an instant in China time (case numbers). */
export function hallDateCompact(at: Date): string {
  return hallDate(at).replaceAll('-', '');
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}
