import type { CaseSummary } from '../../../common/contract/cases';
import { hallHour, hallToday } from '../shared/dates';

/** Hall figures computed on this window from its own cases (labelled "local" on screen). */
export interface LocalFigures {
  todayCount: number;
  weekCount: number;
  /** Cases per hour of today, 0–23. */
  byHour: number[];
  /** Cases per day of this week, oldest first. */
  byDay: { date: string; count: number }[];
  /** Top items of the week. */
  byItem: { name: string; count: number }[];
  /** Ratings of the week per level 1–5. */
  ratings: number[];
  /** Share of ratings at 1–3 (满意率), null when nothing was rated. */
  satisfaction: number | null;
  /** Mean minutes from case creation to decision (drafts finished later count their wait). */
  avgHandlingMinutes: number | null;
  deferredOpen: number;
  backlog: { pending: number; parked: number; synced: number; local: number };
}

const dayOf = (iso: string) => hallToday(new Date(iso));

/** Monday of the hall week containing `today` (YYYY-MM-DD). */
export function weekStart(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

export function computeFigures(cases: CaseSummary[], today: string): LocalFigures {
  const monday = weekStart(today);
  const week = cases.filter((c) => c.status !== 'draft' && dayOf(c.createdAt) >= monday && dayOf(c.createdAt) <= today);
  const todays = week.filter((c) => dayOf(c.createdAt) === today);
  const byHour = Array.from({ length: 24 }, () => 0);
  for (const c of todays) byHour[hallHour(c.createdAt)]!++;
  const days = Array.from({ length: 7 }, (_, i) => new Date(Date.parse(`${monday}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10)).filter((d) => d <= today);
  const byDay = days.map((date) => ({ date, count: week.filter((c) => dayOf(c.createdAt) === date).length }));
  const items = new Map<string, number>();
  for (const c of week) items.set(c.itemName, (items.get(c.itemName) ?? 0) + 1);
  const byItem = [...items].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count).slice(0, 10);
  const ratings = [0, 0, 0, 0, 0];
  for (const c of week) if (c.ratingLevel && c.ratingLevel >= 1 && c.ratingLevel <= 5) ratings[c.ratingLevel - 1]!++;
  const rated = ratings.reduce((a, b) => a + b, 0);
  const decided = week.map((c) => (c.acceptedAt ?? c.decidedAt) && (Date.parse((c.acceptedAt ?? c.decidedAt)!) - Date.parse(c.createdAt)) / 60_000).filter((m): m is number => typeof m === 'number' && m >= 0);
  const backlog = { pending: 0, parked: 0, synced: 0, local: 0 };
  for (const c of cases) backlog[c.sync.state]++;
  return {
    todayCount: todays.length,
    weekCount: week.length,
    byHour,
    byDay,
    byItem,
    ratings,
    satisfaction: rated ? (ratings[0]! + ratings[1]! + ratings[2]!) / rated : null,
    avgHandlingMinutes: decided.length ? decided.reduce((a, b) => a + b, 0) / decided.length : null,
    deferredOpen: cases.filter((c) => c.deferredOutstanding > 0).length,
    backlog,
  };
}
