import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateYearsFixture } from '../../bench/years-fixture';
import type { CaseFigures, CaseSummary } from '../../common/contract/cases';
import { addDays, hallDate } from '../../common/domain/hall-date';
import { createApp, type App } from '../app/app';
import { caseFigures } from './case-figures';

/**
 * The dashboard's figures as the renderer computed them before `cases.figures`: from every case of
 * the period as `cases.list` returns it. The SQL aggregation must give the same answer.
 */
function figuresFromList(all: CaseSummary[], from: string, to: string): Omit<CaseFigures, 'from' | 'to'> {
  const dayOf = (iso: string) => hallDate(new Date(iso));
  const hourOf = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).getUTCHours();
  const cases = all.filter((c) => dayOf(c.createdAt) >= from && dayOf(c.createdAt) <= to);
  const week = cases.filter((c) => c.status !== 'draft');
  const todays = week.filter((c) => dayOf(c.createdAt) === to);
  const byHour = Array.from({ length: 24 }, () => 0);
  for (const c of todays) byHour[hourOf(c.createdAt)]!++;
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  const byDay = days.map((date) => ({ date, count: week.filter((c) => dayOf(c.createdAt) === date).length }));
  const items = new Map<string, number>();
  for (const c of week) items.set(c.itemName, (items.get(c.itemName) ?? 0) + 1);
  const byItem = [...items].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1)).slice(0, 10);
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

const NOW = new Date('2026-11-27T06:00:00Z'); // a Friday afternoon in the hall
let dir = '';
let app: App;
const all: CaseSummary[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-figures-'));
  await generateYearsFixture({ cases: 400, out: dir, years: 0.15, now: NOW, seed: 7 });
  app = await createApp({ dataDir: dir, mode: 'normal', transport: 'test' });
  const db = app.services.database.db;
  // States the fixture does not make: a draft, a parked outbox row, a case never queued, 容缺 owed.
  const recent = await db.selectFrom('intake_case').select('id').orderBy('created_at', 'desc').limit(6).execute();
  await db.updateTable('intake_case').set({ status: 'draft', accepted_at: null }).where('id', '=', recent[0]!.id).execute();
  await db.updateTable('outbox').set({ state: 'parked' }).where('aggregate_id', '=', recent[1]!.id).execute();
  await db.deleteFrom('outbox').where('aggregate_id', '=', recent[2]!.id).execute();
  await db.updateTable('case_material').set({ state: 'deferred', deadline: '2026-12-10' }).where('case_id', 'in', [recent[3]!.id, recent[4]!.id]).execute();
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const r = await app.services.cases.list({ limit: 500, ...(cursor ? { cursor } : {}) });
    all.push(...r.cases);
    if (!r.nextCursor) break;
    cursor = r.nextCursor;
  }
}, 60_000);

afterAll(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('cases.figures (the dashboard, aggregated in SQL)', () => {
  const today = hallDate(NOW);
  for (const [label, from] of [['the week', '2026-11-23'], ['a month', addDays(today, -29)], ['one day', today], ['a day with no cases', '2026-11-29']] as const) {
    it(`equals the renderer's old computation over cases.list for ${label}`, async () => {
      const to = from > today ? from : today;
      const sqlFigures = await caseFigures(app.services.database.db, { from, to });
      const { avgHandlingMinutes, ...rest } = figuresFromList(all, from, to);
      expect(all.length).toBe(400);
      expect({ ...sqlFigures, avgHandlingMinutes: null }).toEqual({ from, to, ...rest, avgHandlingMinutes: null });
      if (avgHandlingMinutes === null) expect(sqlFigures.avgHandlingMinutes).toBeNull();
      else expect(sqlFigures.avgHandlingMinutes).toBeCloseTo(avgHandlingMinutes, 6);
    });
  }

  it('has every kind of case the figures tell apart in the period', async () => {
    const f = await caseFigures(app.services.database.db, { from: addDays(today, -29), to: today });
    expect(f.weekCount).toBeGreaterThan(50);
    expect(f.ratings.some((n) => n > 0)).toBe(true);
    expect(f.deferredOpen).toBeGreaterThanOrEqual(2);
    expect(Object.values(f.backlog).every((n) => n > 0)).toBe(true);
  });

  it('refuses a period that ends before it starts, or is longer than a year, in plain Chinese', async () => {
    await expect(caseFigures(app.services.database.db, { from: '2026-11-27', to: '2026-11-01' })).rejects.toThrow(/起始日期应不晚于结束日期/);
    await expect(caseFigures(app.services.database.db, { from: '2020-01-01', to: '2026-11-01' })).rejects.toThrow(/最长 366 天/);
  });
});
