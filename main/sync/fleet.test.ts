import pg from 'pg';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { CentralProcess, runCli } from '../../central/testing/central-process';
import { createTestDatabase, PG_SKIP_REASON, TEST_PG_URL, type TestDatabase } from '../../central/testing/postgres';
import { RoundRobinProxy } from '../../central/testing/round-robin-proxy';
import { expectExactlyOnce } from './testing/exactly-once';
import { enrolledWindow, queueCases, tempDir } from './testing/window-fixture';

// A hall's windows as what they are in production: separate `yichuang sync run` processes, each
// with its own database, pushing at the same time. Nothing here asserts a timing.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 90_000 });
const SYNC_ENV = { YICHUANG_SYNC_BATCH: '25', YICHUANG_SYNC_BACKOFF_MS: '30,400' };

/** `count` windows enrolled through `url`, each with `cases` queued cases (and their ratings), databases closed. */
async function windowsWithBacklog(central: CentralProcess, url: string, count: number, cases: number) {
  const windows: Array<{ dir: string; ids: string[] }> = [];
  for (let i = 1; i <= count; i++) {
    const w = await enrolledWindow(url, await central.enrolmentCode('H01', `W0${i}`));
    const ids = await queueCases(w.database, cases, { ratings: true });
    await w.database.close();
    windows.push({ dir: w.dir, ids });
  }
  return windows;
}

/** Catalog versions, and distinct entity keys among them: equal when the seed was published once. */
async function countSeed(url: string): Promise<{ n: number; distinct: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`select count(*)::int as n, count(distinct entity || '/' || key)::int as distinct from catalog_changes`);
    return rows[0];
  } finally {
    await client.end();
  }
}

const drain = (dir: string) => runCli(['sync', 'run', '--until-empty', '--timeout', '200', '--data-dir', dir], SYNC_ENV, 220_000);

async function expectDrained(windows: Array<{ dir: string }>, runs: Array<{ code: number | null; stderr: string }>) {
  expect(runs.map((r) => (r.code === 0 ? 0 : r.stderr.slice(-400)))).toEqual(windows.map(() => 0));
  for (const w of windows) {
    const status = await runCli(['sync', 'status', '--json', '--data-dir', w.dir]);
    expect(JSON.parse(status.stdout)).toMatchObject({ pending: 0, parked: 0 });
  }
}

describe('four windows as separate processes against one central', () => {
  const central = new CentralProcess(tempDir('fleet-central'));
  afterAll(() => central.kill('SIGTERM'));

  test('produce exactly the union of their cases', async () => {
    await central.start();
    const windows = await windowsWithBacklog(central, central.url, 4, 60);
    await expectDrained(windows, await Promise.all(windows.map((w) => drain(w.dir))));
    await expectExactlyOnce(central, null, windows.flatMap((w) => w.ids));
    const stats = await runCli(['central', 'stats', '--json', '--data-dir', central.dataDir]);
    expect(JSON.parse(stats.stdout)).toMatchObject({ cases: 240, ratings: 240 });
  });
});

if (!TEST_PG_URL) console.warn(PG_SKIP_REASON);

describe('two central instances on one PostgreSQL behind a load balancer', () => {
  const run = TEST_PG_URL ? test : test.skip;
  let database: TestDatabase | undefined;
  const centrals: CentralProcess[] = [];
  const proxy = new RoundRobinProxy(() => centrals);
  afterAll(async () => {
    await proxy.close();
    for (const c of centrals) await c.kill('SIGTERM');
    await database?.drop();
  });

  run('four windows deliver exactly once while one instance is SIGKILLed mid-drain and restarted', async () => {
    database = await createTestDatabase();
    // One data folder: the instances share the credential secret, as they would share YICHUANG_CENTRAL_SECRET.
    const shared = tempDir('fleet-pg');
    centrals.push(new CentralProcess(shared, database.url), new CentralProcess(shared, database.url));
    // Both start at once on the empty database: migrations and the catalog seed must happen once.
    await Promise.all(centrals.map((c) => c.start()));
    await proxy.start();
    const [a, b] = await Promise.all(centrals.map((c) => fetch(`${c.url}/v1/health`).then((r) => r.json() as Promise<{ generation: string }>)));
    expect(a.generation).toBe(b.generation);
    const seeded = await countSeed(database.url);
    expect(seeded.n).toBeGreaterThan(0);
    expect(seeded.n).toBe(seeded.distinct);

    const windows = await windowsWithBacklog(centrals[0]!, proxy.url, 4, 100);
    // Each push is held a little, so the kill lands while batches are in flight.
    for (const c of centrals) await c.faults({ delayMs: 40 });
    const runs = Promise.all(windows.map((w) => drain(w.dir)));
    const victim = centrals[0]!;
    for (;;) {
      const { items } = await centrals[1]!.admin('/v1/admin/stats');
      if (items >= 200) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await victim.kill('SIGKILL');
    await victim.start();
    await victim.faults({ delayMs: 40 });
    await expectDrained(windows, await runs);

    await expectExactlyOnce(centrals[1]!, null, windows.flatMap((w) => w.ids));
    const stats = await runCli(['central', 'stats', '--json', '--data-dir', shared, '--database-url', database.url]);
    expect(JSON.parse(stats.stdout)).toMatchObject({ cases: 400, ratings: 400, items: 800 });
    // The balancer really spread the windows over both instances.
    expect(proxy.served.filter((n) => n > 0).length).toBe(2);
    expect((await centrals[1]!.admin('/v1/admin/stats')).devices).toBe(4);
  });
});
