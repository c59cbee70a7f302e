import { sql, type Kysely } from 'kysely';
import type { CaseFigures } from '../../common/contract/cases';
import { AppError } from '../../common/contract/errors';
import { FIGURES_MAX_DAYS } from '../../common/contract/cases';
import { addDays, isIsoDate } from '../../common/domain/hall-date';
import type { DB } from '../db/schema';

/** Hall midnight (UTC+8, no daylight saving) of a date as the instant stored in created_at. */
const hallMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();

/** SQLite's modifier that turns a stored UTC instant into hall time. */
const HALL = '+8 hours';

/**
 * The dashboard's figures for hall days `from`–`to`, aggregated by SQLite over the cases created in
 * them: every statement reads the period through the created_at index, so the cost follows the
 * period's cases, not the years the window holds (bench/years.ts, dashboard-month).
 */
export async function caseFigures(db: Kysely<DB>, range: { from: string; to: string }): Promise<CaseFigures> {
  const { from, to } = range;
  if (!isIsoDate(from) || !isIsoDate(to) || from > to) throw new AppError('INVALID_INPUT', `统计区间无效（${from} 至 ${to}）：起始日期应不晚于结束日期。`);
  const days = daysBetween(from, to);
  if (days.length > FIGURES_MAX_DAYS) throw new AppError('INVALID_INPUT', `统计区间最长 ${FIGURES_MAX_DAYS} 天，请缩短区间后重试。`);
  const start = hallMidnight(from);
  const end = hallMidnight(addDays(to, 1));
  // Every statement reads this range in the covering figures index (migration 007), never case rows.
  const period = sql`c.created_at >= ${start} and c.created_at < ${end}`;
  const counted = sql`${period} and c.status <> 'draft'`;

  const [hours, items, ratings, handling, open] = await Promise.all([
    sql<{ day: string; hour: number; n: number }>`
      select date(c.created_at, ${HALL}) as day, cast(strftime('%H', c.created_at, ${HALL}) as integer) as hour, count(*) as n
      from intake_case c indexed by intake_case_figures where ${counted} group by day, hour`.execute(db),
    sql<{ name: string; n: number }>`
      select c.item_name as name, count(*) as n from intake_case c indexed by intake_case_figures
      where ${counted} group by c.item_name order by n desc, c.item_name limit 10`.execute(db),
    sql<{ level: number; n: number }>`
      select r.level as level, count(*) as n from intake_case c indexed by intake_case_figures join rating r on r.case_id = c.id
      where ${counted} and r.level between 1 and 5 group by r.level`.execute(db),
    sql<{ n: number; total: number | null }>`
      select count(*) as n, sum(m) as total from (
        select (julianday(coalesce(c.accepted_at, c.decided_at)) - julianday(c.created_at)) * 1440 as m
        from intake_case c indexed by intake_case_figures where ${counted} and coalesce(c.accepted_at, c.decided_at) is not null
      ) where m >= 0`.execute(db),
    // Sync state as cases.list reports it: parked wins over pending; any other outbox row means synced.
    sql<{ deferred: number | null; pending: number | null; parked: number | null; synced: number | null; local: number | null }>`
      select sum(deferred) as deferred, sum(s = 'pending') as pending, sum(s = 'parked') as parked, sum(s = 'synced') as synced, sum(s = 'local') as local
      from (
        select exists (select 1 from case_material m where m.case_id = c.id and m.state = 'deferred') as deferred,
          case
            when exists (select 1 from outbox o where o.aggregate_id = c.id and o.state = 'parked') then 'parked'
            when exists (select 1 from outbox o where o.aggregate_id = c.id and o.state = 'pending') then 'pending'
            when exists (select 1 from outbox o where o.aggregate_id = c.id) then 'synced'
            else 'local'
          end as s
        from intake_case c indexed by intake_case_figures where ${period}
      )`.execute(db),
  ]);

  const perDay = new Map<string, number>();
  const byHour = Array.from({ length: 24 }, () => 0);
  for (const r of hours.rows) {
    perDay.set(r.day, (perDay.get(r.day) ?? 0) + Number(r.n));
    if (r.day === to) byHour[r.hour] = Number(r.n);
  }
  const rating = [0, 0, 0, 0, 0];
  for (const r of ratings.rows) rating[r.level - 1] = Number(r.n);
  const rated = rating.reduce((a, b) => a + b, 0);
  const h = handling.rows[0];
  const o = open.rows[0];
  const byDay = days.map((date) => ({ date, count: perDay.get(date) ?? 0 }));
  return {
    from,
    to,
    todayCount: perDay.get(to) ?? 0,
    weekCount: byDay.reduce((a, d) => a + d.count, 0),
    byHour,
    byDay,
    byItem: items.rows.map((r) => ({ name: r.name, count: Number(r.n) })),
    ratings: rating,
    satisfaction: rated ? (rating[0]! + rating[1]! + rating[2]!) / rated : null,
    avgHandlingMinutes: h && Number(h.n) > 0 ? Number(h.total) / Number(h.n) : null,
    deferredOpen: Number(o?.deferred ?? 0),
    backlog: { pending: Number(o?.pending ?? 0), parked: Number(o?.parked ?? 0), synced: Number(o?.synced ?? 0), local: Number(o?.local ?? 0) },
  };
}

/** Every date from `from` to `to`, inclusive (stops past the longest period allowed). */
function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length <= FIGURES_MAX_DAYS; d = addDays(d, 1)) out.push(d);
  return out;
}
