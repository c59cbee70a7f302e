import type { Kysely, Transaction } from 'kysely';
import { WorkCalendar, type CalendarUpdate } from '../../common/domain/working-days';
import type { DB } from '../db/schema';

const ANNOUNCED_KEY = 'calendar_announced_years';

/**
 * The window's working-day calendar: the bundled `chinese-days` data plus the overrides the central
 * platform pushed (stored in `calendar_override`, so they survive restarts and apply offline).
 */
export class CalendarService {
  private cal = WorkCalendar.create();
  private overrideCount = 0;
  private updatedAt: string | null = null;

  constructor(private readonly db: Kysely<DB>) {}

  async load(): Promise<void> {
    const rows = await this.db.selectFrom('calendar_override').selectAll().orderBy('updated_at').execute();
    const meta = await this.db.selectFrom('meta').select('value').where('key', '=', ANNOUNCED_KEY).executeTakeFirst();
    const announcedYears = meta ? (JSON.parse(meta.value) as number[]) : [];
    this.cal = WorkCalendar.create({ days: rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name ?? undefined })), announcedYears });
    this.overrideCount = rows.length;
    this.updatedAt = rows.at(-1)?.updated_at ?? null;
  }

  get calendar(): WorkCalendar {
    return this.cal;
  }

  /** Stores a central calendar update in the caller's transaction; call `load()` after it commits. */
  static async store(trx: Transaction<DB>, update: CalendarUpdate, now = new Date()): Promise<void> {
    WorkCalendar.create(update); // validates dates before anything is written
    for (const d of update.days) {
      const row = { date: d.date, kind: d.kind, name: d.name ?? null, updated_at: now.toISOString() };
      await trx.insertInto('calendar_override').values(row).onConflict((oc) => oc.column('date').doUpdateSet(row)).execute();
    }
    if (update.announcedYears?.length) {
      const meta = await trx.selectFrom('meta').select('value').where('key', '=', ANNOUNCED_KEY).executeTakeFirst();
      const years = new Set<number>([...(meta ? (JSON.parse(meta.value) as number[]) : []), ...update.announcedYears]);
      const value = JSON.stringify([...years].sort());
      await trx.insertInto('meta').values({ key: ANNOUNCED_KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    }
  }

  /** Applies a central calendar update atomically and reloads. */
  async apply(update: CalendarUpdate): Promise<void> {
    await this.db.transaction().execute((trx) => CalendarService.store(trx, update));
    await this.load();
  }

  info() {
    return { announcedYears: this.cal.announcedYears(), overrides: this.overrideCount, updatedAt: this.updatedAt };
  }
}
