import dataset from 'chinese-days/dist/chinese-days.json';
import { addDays, isIsoDate, weekday } from './hall-date';

/**
 * Working days on the Chinese calendar: statutory holidays and 调休 make-up working days come from
 * the maintained `chinese-days` data set, and the central platform may push overrides (a newly
 * announced year, a local closure). A result that passes through a year whose holidays are not
 * announced is `provisional`: it is computed from weekends and the fixed-date holidays only.
 */

export type DayKind = 'workday' | 'holiday';

export interface CalendarOverride {
  /** `YYYY-MM-DD`. */
  date: string;
  kind: DayKind;
  name?: string;
}

export interface CalendarUpdate {
  days: readonly CalendarOverride[];
  /** Years whose holiday schedule these overrides complete (so results in them are final). */
  announcedYears?: readonly number[];
}

export interface WorkdayResult {
  date: string;
  provisional: boolean;
}

/** Fixed-date statutory holidays, used only for years not yet announced (lunar ones cannot be guessed). */
const FIXED_HOLIDAYS = ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03'];
const MAX_WORKDAYS = 3660;

export class CalendarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarError';
  }
}

export class WorkCalendar {
  private readonly holidays: Set<string>;
  private readonly workdays: Set<string>;
  private readonly announced: Set<number>;
  private readonly workdaysMemo = new Map<string, WorkdayResult>();

  private constructor(holidays: Set<string>, workdays: Set<string>, announced: Set<number>) {
    this.holidays = holidays;
    this.workdays = workdays;
    this.announced = announced;
  }

  /** The bundled data set, with central overrides applied on top (later entries win). */
  static create(update: CalendarUpdate = { days: [] }): WorkCalendar {
    const holidays = new Set(Object.keys(dataset.holidays));
    const workdays = new Set(Object.keys(dataset.workdays));
    const announced = new Set([...holidays].map((d) => Number(d.slice(0, 4))));
    const cal = new WorkCalendar(holidays, workdays, announced);
    cal.apply(update);
    return cal;
  }

  private apply(update: CalendarUpdate): void {
    for (const o of update.days) {
      if (!isIsoDate(o.date)) throw new CalendarError(`日历更新中的日期无效：${o.date}`);
      if (o.kind === 'holiday') {
        this.holidays.add(o.date);
        this.workdays.delete(o.date);
      } else {
        this.workdays.add(o.date);
        this.holidays.delete(o.date);
      }
    }
    for (const y of update.announcedYears ?? []) this.announced.add(y);
  }

  /** A copy with more overrides applied; this calendar is left as it was. */
  withUpdate(update: CalendarUpdate): WorkCalendar {
    const copy = new WorkCalendar(new Set(this.holidays), new Set(this.workdays), new Set(this.announced));
    copy.apply(update);
    return copy;
  }

  isAnnounced(year: number): boolean {
    return this.announced.has(year);
  }

  announcedYears(): number[] {
    return [...this.announced].sort((a, b) => a - b);
  }

  isWorkday(date: string): boolean {
    if (this.workdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const wd = weekday(date);
    if (wd === 0 || wd === 6) return false;
    if (!this.isAnnounced(Number(date.slice(0, 4))) && FIXED_HOLIDAYS.includes(date.slice(5))) return false;
    return true;
  }

  /**
   * The N-th working day after `date` (the start day itself is not counted, as a promised limit of
   * "3 working days" starts the day after acceptance). N = 0 gives `date` itself.
   */
  addWorkdays(date: string, n: number): WorkdayResult {
    if (!isIsoDate(date)) throw new CalendarError(`日期格式应为 YYYY-MM-DD：${date}`);
    if (!Number.isInteger(n) || n < 0 || n > MAX_WORKDAYS)
      throw new CalendarError(`工作日数应为 0 到 ${MAX_WORKDAYS} 之间的整数：${n}`);
    // Every accept asks for the same few (today, its item's limit): remembered per calendar, which
    // never changes once made (an update makes a new one, withUpdate).
    const key = `${date}+${n}`;
    let r = this.workdaysMemo.get(key);
    if (!r) {
      if (this.workdaysMemo.size >= 1000) this.workdaysMemo.clear();
      this.workdaysMemo.set(key, (r = this.countWorkdays(date, n)));
    }
    return { ...r };
  }

  private countWorkdays(date: string, n: number): WorkdayResult {
    let provisional = !this.isAnnounced(Number(date.slice(0, 4)));
    let d = date;
    for (let left = n; left > 0; ) {
      d = addDays(d, 1);
      if (!this.isAnnounced(Number(d.slice(0, 4)))) provisional = true;
      if (this.isWorkday(d)) left--;
    }
    return { date: d, provisional };
  }

  /** Natural days: the date itself is final only if its year is announced (it may land on a holiday). */
  addNaturalDays(date: string, n: number): WorkdayResult {
    if (!isIsoDate(date)) throw new CalendarError(`日期格式应为 YYYY-MM-DD：${date}`);
    const d = addDays(date, n);
    return { date: d, provisional: !this.isAnnounced(Number(d.slice(0, 4))) };
  }

  /** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. */
  workdaysBetween(from: string, to: string): number {
    if (to === from) return 0;
    const sign = to > from ? 1 : -1;
    let count = 0;
    for (let d = from; d !== to; ) {
      d = addDays(d, sign);
      if (this.isWorkday(d)) count += sign;
    }
    return count;
  }
}
