// Formatters are built once: building one costs far more than formatting, and tables and the frame
// log format a timestamp per cell and per line.
const HALL = { timeZone: 'Asia/Shanghai' } as const;
const DAY = new Intl.DateTimeFormat('sv-SE', HALL);
const SHORT = new Intl.DateTimeFormat('en-GB', { ...HALL, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const HOUR = new Intl.DateTimeFormat('en-GB', { ...HALL, hour: '2-digit', hourCycle: 'h23' });
const CLOCK = new Intl.DateTimeFormat('en-GB', { ...HALL, hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, hourCycle: 'h23' });

/** Today's date in the hall's time zone (China has one), `YYYY-MM-DD`. */
export function hallToday(now = new Date()): string {
  return DAY.format(now);
}

/** A timestamp as `MM-DD HH:mm` in hall time, for tables. */
export function shortTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = Object.fromEntries(SHORT.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** Hour of day (0–23) in hall time. */
export function hallHour(iso: string): number {
  return Number(HOUR.format(new Date(iso)));
}

/** A timestamp as `HH:mm:ss.SSS` in hall time, for logs read beside the rest of the screen. */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return CLOCK.format(d);
}
