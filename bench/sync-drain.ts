import fs from 'node:fs';
import { openCentralStore } from '../central/db/open';
import { ingestBatch } from '../central/store/ingest';
import type { PushItem } from '../common/sync/api';
import { ENTRY_VERSION, versionOfStoredKind } from '../common/sync/entries';
import { SyncEngine } from '../main/sync/engine';
import { CentralClient } from '../main/sync/central-client';
import { readSyncMeta } from '../main/sync/sync-meta';
import { CentralProcess } from '../central/testing/central-process';
import { sampleCase } from '../main/sync/testing/sample-entries';
import { enrolledWindow, queueCases, tempDir } from '../main/sync/testing/window-fixture';
import { createTestDatabase, PG_SKIP_REASON, TEST_PG_URL } from '../central/testing/postgres';
import type { Bench, BenchResult } from './types';

const CASES = 10_000;
/** The naive client is slow by nature: its rate is measured on a sample, not on all 10,000. */
const NAIVE_SAMPLE = 400;

/**
 * 10,000 queued cases drained by the sync engine to a central server process on loopback, against a
 * naive client that POSTs one case per request (and marks it sent in its own transaction), with the
 * central's raw ingestion ceiling (ingestBatch straight into its database, no HTTP) beside them.
 * Measured on the embedded SQLite central, and again on PostgreSQL when YICHUANG_TEST_PG_URL names a
 * server (a throwaway database is created and dropped).
 */
export const bench: Bench = {
  name: 'sync-drain',
  async run() {
    const results = [await drainAgainst('sqlite')];
    if (TEST_PG_URL) results.push(await drainAgainst('postgres'));
    else console.error(`sync-drain on PostgreSQL skipped: ${PG_SKIP_REASON}`);
    return results;
  },
};

async function drainAgainst(backend: 'sqlite' | 'postgres'): Promise<BenchResult> {
  const databases = backend === 'postgres' ? [await createTestDatabase(), await createTestDatabase()] : [];
  const central = new CentralProcess(tempDir('bench-central'), databases[0]?.url);
  await central.start();
  const dirs: string[] = [central.dataDir];
  try {
    const a = await enrolledWindow(central.url, await central.enrolmentCode('H01', 'W01'), 'bench-engine');
    dirs.push(a.dir);
    await queueCases(a.database, CASES);
    const engine = new SyncEngine({ db: a.database.db, backoff: { baseMs: 20, maxMs: 200 } });
    let t = performance.now();
    const r = await engine.runUntilEmpty();
    const engineMs = performance.now() - t;
    if (!r.ok || (await engine.status()).pending !== 0) throw new Error(`engine did not drain: ${JSON.stringify(r)}`);
    await a.database.close();

    const b = await enrolledWindow(central.url, await central.enrolmentCode('H01', 'W02'), 'bench-naive');
    dirs.push(b.dir);
    await queueCases(b.database, NAIVE_SAMPLE);
    const meta = await readSyncMeta(b.database.db);
    const client = new CentralClient({ baseUrl: central.url, credential: meta.credential! });
    const rows = await b.database.db.selectFrom('outbox').selectAll().where('state', '=', 'pending').orderBy('seq').execute();
    t = performance.now();
    for (const row of rows) {
      // The queued cases carry no applicant: the wire form has `applicant: null` where the outbox has the seal.
      const { applicantSealed: _, ...payload } = JSON.parse(row.payload);
      const item: PushItem = { id: row.id, seq: row.seq, kind: row.kind, v: versionOfStoredKind(row.kind), aggregateId: row.aggregate_id, createdAt: row.created_at, payload: { ...payload, applicant: null } };
      const answer = await client.call('push', { body: { items: [item] } });
      if (answer.results[0]?.status !== 'accepted') throw new Error('naive push not accepted');
      await b.database.db.updateTable('outbox').set({ state: 'done', done_at: new Date().toISOString() }).where('seq', '=', row.seq).execute();
    }
    const naiveMs = performance.now() - t;
    await b.database.close();

    const rawDir = tempDir('bench-raw');
    dirs.push(rawDir);
    const ceiling = await rawIngestCeiling({ dataDir: rawDir, databaseUrl: databases[1]?.url });
    const stats = await central.admin('/v1/admin/stats');
    if (stats.cases !== CASES + NAIVE_SAMPLE) throw new Error(`central holds ${stats.cases} cases, expected ${CASES + NAIVE_SAMPLE}`);

    const engineRate = CASES / (engineMs / 1000);
    const naiveRate = NAIVE_SAMPLE / (naiveMs / 1000);
    return {
      bench: backend === 'sqlite' ? 'sync-drain' : 'sync-drain-postgres',
      ratio: engineRate / naiveRate,
      baseline: `naive client, one POST per case (rate on ${NAIVE_SAMPLE} cases, same central on ${backend}, same run)`,
      goal: '≥ 10',
      central_database: backend,
      cases: CASES,
      engine_cases_per_s: Math.round(engineRate),
      naive_cases_per_s: Math.round(naiveRate),
      central_ingest_path_cases_per_s: Math.round(ceiling.ingestRate),
      central_raw_insert_cases_per_s: Math.round(ceiling.rawRate),
      engine_share_of_raw_insert: Number((engineRate / ceiling.rawRate).toFixed(3)),
      engine_ms: Math.round(engineMs),
    };
  } finally {
    await central.kill('SIGTERM');
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    for (const d of databases) await d.drop();
  }
}

/**
 * Two ceilings on the central's database, no HTTP: its ingestion path (per-item savepoint, key +
 * effect) in batches of 500, and a raw multi-row insert of the same rows, 500 per statement.
 */
async function rawIngestCeiling(where: { dataDir: string; databaseUrl?: string }): Promise<{ ingestRate: number; rawRate: number }> {
  const store = await openCentralStore(where);
  try {
    const who = { deviceId: 'bench', hall: 'H01', window: 'W99' };
    const items: PushItem[] = Array.from({ length: CASES }, (_, i) => ({
      id: `raw-${i}`,
      seq: i + 1,
      kind: 'case.accepted',
      v: ENTRY_VERSION,
      aggregateId: `raw-case-${i}`,
      createdAt: new Date().toISOString(),
      payload: { case: sampleCase(`raw-case-${i}`, `R${i}`), applicant: null },
    }));
    // The ingestion path is measured on a sample: at a few hundred per second it would dominate the run.
    const sample = items.slice(0, 2_000);
    let t = performance.now();
    for (let i = 0; i < sample.length; i += 500) await ingestBatch(store.db, who, sample.slice(i, i + 500));
    const ingestRate = sample.length / ((performance.now() - t) / 1000);
    const at = new Date().toISOString();
    t = performance.now();
    for (let i = 0; i < items.length; i += 500) {
      const chunk = items.slice(i, i + 500).map((x) => ({ ...x, id: `raw2-${x.seq}`, aggregateId: `raw2-case-${x.seq}` }));
      await store.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('received')
          .values(chunk.map((x) => ({ id: x.id, device_id: who.deviceId, seq: x.seq, kind: x.kind, aggregate_id: x.aggregateId, created_at: x.createdAt, received_at: at })))
          .execute();
        await trx
          .insertInto('cases')
          .values(chunk.map((x) => ({ id: x.aggregateId, hall: who.hall, window: who.window, device_id: who.deviceId, case_number: null, item_code: null, payload: JSON.stringify(x.payload), first_received_at: at, updated_at: at, entries: 1 })))
          .execute();
      });
    }
    return { ingestRate, rawRate: CASES / ((performance.now() - t) / 1000) };
  } finally {
    await store.close();
  }
}
