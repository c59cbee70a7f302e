import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { addDays, hallDate } from '../common/domain/hall-date';
import { createApp, type App } from '../main/app/app';
import { backupDatabase } from '../main/db/backup';
import { checkDatabase } from '../main/audit/db-check';
import { DB_FILE } from '../main/db/database';
import { purgeExpiredPii } from '../main/retention/purge';
import { percentile } from './stats';
import type { Bench, BenchResult } from './types';
import { cachedYearsFixture } from './years-fixture';

/** 50k cases (about 1.5 years of a busy window) unless `--cases N`; the 5 years is `--cases 250000`. */
const DEFAULT_CASES = 50_000;
const RUNS = 40;
/** The pause after start in which the app should be all but idle (years:idle-cpu). */
const IDLE_MS = 5_000;
/** What the intake screen asks for as it opens (renderer/src/frame, intake/items, sync, uploads). */
const FIRST_SCREEN: Array<[string, unknown]> = [
  ['devices.list', undefined],
  ['catalog.search', { q: '', limit: 6 }],
  ['catalog.bundles', undefined],
  ['sync.status', undefined],
  ['uploads.status', undefined],
];

function casesArg(): number {
  const i = process.argv.indexOf('--cases');
  const n = i >= 0 ? Number(process.argv[i + 1]) : DEFAULT_CASES;
  if (!Number.isInteger(n) || n < 1) throw new Error('--cases 需要一个正整数');
  return n;
}

const log = (line: string) => console.error(`years: ${line}`);

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

async function samples(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  await fn(0);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push((await timed(() => fn(i))).ms);
  return out;
}

async function startApp(dataDir: string, background = false): Promise<App> {
  const app = await createApp({ dataDir, mode: 'normal', transport: 'test', background });
  app.services.sessions.set({ staffId: 'clerk01', name: '王小明', roles: ['clerk', 'supervisor', 'maintenance'] });
  return app;
}

async function invoke(app: App, method: string, input: unknown): Promise<any> {
  const r = (await app.invoke(method, input)) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!r.ok) throw new Error(`${method}: ${r.error?.message}`);
  return r.value;
}

/** A figure against its goal: ratio = measured / goal, so ≤ 1 meets it. */
function againstGoal(name: string, value: number, goal: number, unit: string, extra: Record<string, number | string> = {}): BenchResult {
  return { bench: `years:${name}`, ratio: value / goal, baseline: `the goal ${goal} ${unit}`, goal: `≤ 1 (≤ ${goal} ${unit})`, [unit === 'ms' ? 'ms' : unit]: value, ...extra };
}

/**
 * A window with years of cases (bench/years-fixture.ts): start-up, 我的办件 list and search, the
 * dashboard's month, db check, online backup, a retention sweep and the bytes a case costs. Runs on
 * a copy of the cached fixture, so writes (purge, migrations) never change the cache.
 */
export const bench: Bench = {
  name: 'years',
  async run() {
    const cases = casesArg();
    const fixture = await cachedYearsFixture(cases, log);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-years-'));
    const dataDir = path.join(work, 'data');
    const emptyDir = path.join(work, 'empty');
    try {
      fs.cpSync(fixture.dataDir, dataDir, { recursive: true });
      const out: BenchResult[] = [];

      // Start-up: the services on this database, then the intake screen's first calls (its data on
      // screen), against the same on a new data folder (same run, alternating, median of 5).
      const start = async (dir: string) => {
        const cpu = process.cpuUsage();
        const t = performance.now();
        const app = await startApp(dir);
        const appMs = performance.now() - t;
        await Promise.all(FIRST_SCREEN.map(([method, input]) => invoke(app, method, input)));
        const ms = performance.now() - t;
        const used = process.cpuUsage(cpu);
        await app.close();
        return { ms, appMs, cpuMs: (used.user + used.system) / 1000 };
      };
      await start(emptyDir);
      await start(dataDir);
      const emptyBytes = fs.statSync(path.join(emptyDir, DB_FILE)).size;
      const startEmpty: Array<Awaited<ReturnType<typeof start>>> = [];
      const startFull: typeof startEmpty = [];
      for (let i = 0; i < 5; i++) {
        startEmpty.push(await start(emptyDir));
        startFull.push(await start(dataDir));
      }
      const med = (list: typeof startEmpty, k: 'ms' | 'appMs' | 'cpuMs') => percentile(list.map((x) => x[k]), 50);
      out.push({
        bench: 'years:startup',
        ratio: med(startFull, 'ms') / med(startEmpty, 'ms'),
        baseline: 'the same services and first-screen calls on a new, empty data folder (same run, median of 5)',
        goal: '≤ 1.5',
        ms: med(startFull, 'ms'),
        empty_ms: med(startEmpty, 'ms'),
        app_ms: med(startFull, 'appMs'),
        empty_app_ms: med(startEmpty, 'appMs'),
        cpu_ms: med(startFull, 'cpuMs'),
        empty_cpu_ms: med(startEmpty, 'cpuMs'),
        cases: fixture.report.cases,
      });

      // The first seconds after start with the schedules on (sync, uploads, backups), as the host runs:
      // the CPU the app spends while the clerk's first screen opens and nobody works yet.
      const idle = async (dir: string) => {
        const app = await startApp(dir, true);
        const cpu = process.cpuUsage();
        await new Promise((r) => setTimeout(r, IDLE_MS));
        const used = process.cpuUsage(cpu);
        await app.close();
        return (used.user + used.system) / 1000;
      };
      const idleEmpty = await idle(emptyDir);
      const idleFull = await idle(dataDir);
      out.push({
        bench: 'years:idle-cpu',
        ratio: idleFull / IDLE_MS,
        baseline: `the wall time of the pause (${IDLE_MS / 1000} s after start, schedules on)`,
        goal: '≤ 0.05',
        cpu_ms: idleFull,
        empty_cpu_ms: idleEmpty,
      });

      const app = await startApp(dataDir);
      try {
        // A large file's quick_check (when due: after an unclean shutdown or a day after the last good
        // one, main/db/check-policy.ts) runs BACKGROUND_CHECK_DELAY_MS after start and reads the whole
        // file: the figures below are measured after it, not beside it (it is reported with db check).
        const startCheck = await settledStartCheck(app);
        const probes = fixture.report.probes;
        const probe = (i: number) => probes[i % probes.length]!;
        const listGoal = 50;
        const figures: Array<[string, (i: number) => Promise<unknown>]> = [
          ['list', () => invoke(app, 'cases.list', { limit: 50 })],
          ['list-today', () => invoke(app, 'cases.list', { today: true, limit: 50 })],
          ['list-page-100', async () => {
            let cursor: string | undefined;
            for (let p = 0; p < 100; p++) cursor = (await invoke(app, 'cases.list', { limit: 50, ...(cursor ? { cursor } : {}) })).nextCursor ?? undefined;
          }],
          ['search-case-number', (i) => invoke(app, 'cases.list', { q: probe(i).caseNumber, limit: 50 })],
          ['search-case-number-tail', (i) => invoke(app, 'cases.list', { q: probe(i).caseNumber.slice(-13), limit: 50 })],
          ['search-name', (i) => invoke(app, 'cases.list', { q: probe(i).name, limit: 50 })],
          ['search-id-number', (i) => invoke(app, 'cases.list', { q: probe(i).idNumber, limit: 50 })],
          ['search-no-match', () => invoke(app, 'cases.list', { q: '无此人', limit: 50 })],
        ];
        for (const [name, fn] of figures) {
          const s = await samples(name === 'list-page-100' ? 3 : RUNS, fn);
          const p99 = percentile(s, 99);
          const goal = name === 'list-page-100' ? listGoal * 100 : listGoal;
          out.push(againstGoal(name, p99, goal, 'ms', { p50_ms: percentile(s, 50), runs: s.length }));
        }

        const month = await samples(RUNS, () => invoke(app, 'cases.figures', monthRange()));
        const viaList = await samples(3, () => monthFiguresViaList(app));
        out.push(
          againstGoal('dashboard-month', percentile(month, 99), 200, 'ms', {
            p50_ms: percentile(month, 50),
            runs: month.length,
            via_list_p50_ms: percentile(viaList, 50),
            via_list_note: 'before cases.figures: every case of the month through cases.list (median of 3)',
          }),
        );

        // db check against its floor, SQLite's integrity_check alone.
        const check = await timed(() => checkDatabase(app.services.database));
        if (!check.value.ok) throw new Error(`db check found problems on the fixture: ${JSON.stringify(check.value.audit.problems.slice(0, 2))}`);
        const integrity = await timed(() => sql`pragma integrity_check`.execute(app.services.database.db));
        out.push({ bench: 'years:db-check', ratio: check.ms / integrity.ms, baseline: 'pragma integrity_check alone on the same database (same run)', goal: '≤ 2', ms: check.ms, integrity_ms: integrity.ms, audit_entries: check.value.audit.entries, start_check: `${startCheck.mode} ${startCheck.state}`, start_quick_check_ms: startCheck.ms ?? 0 });

        // Online backup against copying the closed file's bytes.
        const backup = await timed(() => backupDatabase(app.services.database, path.join(work, 'backup.db')));
        const copy = await timed(async () => fs.copyFileSync(path.join(dataDir, DB_FILE), path.join(work, 'copy.db')));
        out.push({ bench: 'years:backup', ratio: backup.ms / copy.ms, baseline: 'fs.copyFile of the database file (same run)', goal: '≤ 3', ms: backup.ms, copy_ms: copy.ms, bytes: backup.value.bytes });

        // One retention sweep as the module runs it (30 days, 500 cases a turn).
        const purge = await timed(() => purgeExpiredPii(app.services.database.db, { days: app.services.settings.get().retentionDays, limit: 500 }));
        const again = await timed(() => purgeExpiredPii(app.services.database.db, { days: app.services.settings.get().retentionDays, limit: 500 }));
        out.push(againstGoal('retention-sweep', purge.ms, 2000, 'ms', { purged: purge.value.purged.length, second_sweep_ms: again.ms, second_purged: again.value.purged.length }));

        const bytes = fs.statSync(path.join(work, 'backup.db')).size;
        out.push(againstGoal('bytes-per-case', (bytes - emptyBytes) / fixture.report.cases, 8192, 'bytes', { db_bytes: bytes, empty_db_bytes: emptyBytes, cases: fixture.report.cases }));
        out.push({
          bench: 'years:fixture',
          ratio: fixture.report.sealMs / fixture.report.ms,
          baseline: 'share of the fixture generation spent sealing applicants with the real cipher',
          ms: fixture.report.ms,
          seal_ms: fixture.report.sealMs,
          cases: fixture.report.cases,
          cached: !fixture.generated,
        });
      } finally {
        await app.close();
      }
      return out;
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  },
};

/** The start's quick_check once it has a verdict (a large file's waits after start, then reads it all). */
async function settledStartCheck(app: App) {
  for (let i = 0; i < 1200 && app.services.database.startCheck().state === 'running'; i++) await new Promise((r) => setTimeout(r, 100));
  const check = app.services.database.startCheck();
  if (check.state !== 'ok' && check.state !== 'skipped') throw new Error(`start check: ${check.state} ${check.detail ?? ''}`);
  return check;
}

/** The last 30 hall days, the dashboard's figures for a month. */
function monthRange(): { from: string; to: string } {
  const to = hallDate(new Date());
  return { from: addDays(to, -29), to };
}

/** The month's cases the way the dashboard fetched them before cases.figures (the baseline). */
async function monthFiguresViaList(app: App): Promise<unknown> {
  const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const cases: Array<{ createdAt: string }> = [];
  let cursor: string | undefined;
  for (let page = 0; page < 40; page++) {
    const r = await invoke(app, 'cases.list', { limit: 500, ...(cursor ? { cursor } : {}) });
    cases.push(...r.cases);
    if (!r.nextCursor || r.cases.at(-1).createdAt < since) break;
    cursor = r.nextCursor;
  }
  return cases.length;
}
