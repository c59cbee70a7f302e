import crypto from 'node:crypto';
import fs from 'node:fs';
import { openCentralStore } from '../central/db/open';
import { createEnrolmentCode } from '../central/store/enrolment';
import { CentralProcess } from '../central/testing/central-process';
import { createTestDatabase, PG_SKIP_REASON, TEST_PG_URL } from '../central/testing/postgres';
import { RoundRobinProxy } from '../central/testing/round-robin-proxy';
import { tempDir } from '../main/sync/testing/window-fixture';
import { SimulatedWindow, type WindowTally } from './central-load-window';
import { cpuMs, percentile } from './stats';
import type { Bench, BenchResult } from './types';

/** Windows per step; every step enrols fresh windows and gives each the same work. */
const STEPS = [50, 100, 250, 500];
const CASES_PER_WINDOW = 40;
const BATCH = 10;
const HEARTBEAT_MS = 1000;
/** Each step stops here even if windows still have cases to push (the run stays bounded). */
const STEP_LIMIT_MS = 20_000;
const WINDOWS_PER_HALL = 10;
/** A central operator recording status changes while the windows push (what the pulls bring back). */
const STATUS_EVERY_MS = 50;

/**
 * A hall at the central: 50 → 500 simulated windows (lightweight clients speaking the real sync
 * contract through the real central client) pushing cases in batches, pulling case statuses and
 * heart-beating, against two `central serve` instances on one PostgreSQL database sharing
 * YICHUANG_CENTRAL_SECRET behind a round-robin balancer, all on loopback. Per step: cases/s, push
 * latency and the centrals' CPU per case; the ratio is the CPU per case against the 50-window step.
 */
export const bench: Bench = {
  name: 'central-load',
  async run() {
    if (!TEST_PG_URL) {
      console.error(`central-load skipped: ${PG_SKIP_REASON}`);
      return [];
    }
    const database = await createTestDatabase();
    const dataDir = tempDir('bench-central-load');
    const secretBefore = process.env.YICHUANG_CENTRAL_SECRET;
    process.env.YICHUANG_CENTRAL_SECRET = crypto.randomBytes(32).toString('hex');
    const centrals = [new CentralProcess(dataDir, database.url), new CentralProcess(dataDir, database.url)];
    const proxy = new RoundRobinProxy(() => centrals);
    const store = await openCentralStore({ dataDir, databaseUrl: database.url }).catch(() => null);
    try {
      await Promise.all(centrals.map((c) => c.start()));
      await proxy.start();
      const rows: BenchResult[] = [];
      let enrolled = 0;
      for (const windows of STEPS) {
        const pushed: string[] = [];
        const sims: SimulatedWindow[] = [];
        for (let i = 0; i < windows; i++, enrolled++) {
          const { code } = await createEnrolmentCode(store!.db, `H${String(Math.floor(enrolled / WINDOWS_PER_HALL)).padStart(3, '0')}`, `W${String(enrolled % WINDOWS_PER_HALL).padStart(2, '0')}`);
          sims.push(await SimulatedWindow.enrol(proxy.url, code, pushed));
        }
        rows.push(await step(windows, sims, pushed, centrals, rows[0]));
      }
      printTable(rows);
      return rows;
    } finally {
      await store?.close();
      await proxy.close();
      for (const c of centrals) await c.kill('SIGTERM');
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (secretBefore === undefined) delete process.env.YICHUANG_CENTRAL_SECRET;
      else process.env.YICHUANG_CENTRAL_SECRET = secretBefore;
    }
  },
};

async function step(windows: number, sims: SimulatedWindow[], pushed: string[], centrals: CentralProcess[], first: BenchResult | undefined): Promise<BenchResult> {
  const cpuBefore = centrals.map((c) => cpuMs(c.child?.pid));
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = Date.now() + STEP_LIMIT_MS;
  let statusesWritten = 0;
  let writing = true;
  const writer = (async () => {
    while (writing) {
      await new Promise((r) => setTimeout(r, STATUS_EVERY_MS));
      const caseId = pushed[Math.floor(Math.random() * pushed.length)];
      if (!caseId) continue;
      await centrals[0]!.admin('/v1/admin/case-status', { body: { caseId, status: 'in_progress' } }).then(() => statusesWritten++).catch(() => undefined);
    }
  })();
  const tallies: WindowTally[] = await Promise.all(sims.map((s) => s.run({ cases: CASES_PER_WINDOW, batch: BATCH, heartbeatMs: HEARTBEAT_MS, deadline })));
  const seconds = (performance.now() - started) / 1000;
  writing = false;
  await writer;
  const cpuAfter = centrals.map((c) => cpuMs(c.child?.pid));
  const client = process.cpuUsage(clientBefore);
  const centralCpu: number = cpuAfter.every((v, i) => v !== null && cpuBefore[i] !== null) ? cpuAfter.reduce((a: number, v, i) => a + (v! - cpuBefore[i]!), 0) : -1;
  const cases = tallies.reduce((a, t) => a + t.cases, 0);
  const push = tallies.flatMap((t) => t.pushMs);
  const errors = tallies.flatMap((t) => t.errors);
  const cpuPerCase = centralCpu / cases;
  return {
    bench: 'central-load',
    ratio: first ? cpuPerCase / Number(first.central_cpu_ms_per_case) : 1,
    baseline: `central CPU per case with ${STEPS[0]} windows (same run, same two instances)`,
    goal: 'cost per case flat as windows grow (ratio ≈ 1); push p99 reported',
    windows,
    cases,
    cases_expected: windows * CASES_PER_WINDOW,
    seconds,
    cases_per_s: cases / seconds,
    push_p50_ms: percentile(push, 50),
    push_p99_ms: percentile(push, 99),
    central_cpu_ms: centralCpu,
    central_cpu_ms_per_case: cpuPerCase,
    central_cpu_share: centralCpu / 1000 / seconds,
    client_cpu_ms: (client.user + client.system) / 1000,
    heartbeats: tallies.reduce((a, t) => a + t.heartbeats, 0),
    status_pulls: tallies.reduce((a, t) => a + t.statusPulls, 0),
    statuses_written: statusesWritten,
    busy_retries: tallies.reduce((a, t) => a + t.busy, 0),
    errors: errors.length,
    ...(errors.length ? { first_error: errors[0] } : {}),
  };
}

function printTable(rows: BenchResult[]): void {
  const f = (v: unknown, d = 1) => (typeof v === 'number' ? v.toFixed(d) : String(v));
  console.error('\n| windows | cases | cases/s | push p50 ms | push p99 ms | central CPU ms | CPU ms/case | vs 50 | busy (429) | errors |');
  console.error('|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const r of rows)
    console.error(`| ${r.windows} | ${r.cases} | ${f(r.cases_per_s, 0)} | ${f(r.push_p50_ms)} | ${f(r.push_p99_ms)} | ${f(r.central_cpu_ms, 0)} | ${f(r.central_cpu_ms_per_case, 3)} | ${f(r.ratio, 2)} | ${r.busy_retries} | ${r.errors} |`);
}
