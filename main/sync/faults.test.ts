import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, test, vi } from 'vitest';
import { openDatabase, type Database } from '../db/database';
import { SyncEngine } from './engine';
import { readSyncStatus } from './status';
import { CentralProcess, CLI, runCli } from '../../central/testing/central-process';
import { createTestDatabase, PG_SKIP_REASON, TEST_PG_URL, type TestDatabase } from '../../central/testing/postgres';
import { expectExactlyOnce } from './testing/exactly-once';
import { queueRaw } from './testing/sample-entries';
import { enrolledWindow, queueCases, tempDir } from './testing/window-fixture';

// Fault tests over loopback with the central server as a real process. Small batches and short
// backoffs keep the suite quick; nothing here asserts a timing.
const FAST = { baseMs: 30, maxMs: 300 };
// Whole processes start here; on a loaded 2-core machine that alone can take seconds.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 90_000 });
let windowNo = 0;

async function newWindow(central: CentralProcess, cases: number) {
  const code = await central.enrolmentCode('H01', `W${++windowNo}`);
  const w = await enrolledWindow(central.url, code);
  const ids = await queueCases(w.database, cases, { ratings: true });
  return { ...w, ids };
}

describe('sync against a misbehaving central server', () => {
  const central = new CentralProcess(tempDir('central'));
  const open: Database[] = [];
  beforeAll(() => central.start());
  afterAll(async () => {
    await central.kill('SIGTERM');
    for (const d of open) await d.close();
  });

  it('answers lost after the central committed are retried and come back as duplicates', async () => {
    const w = await newWindow(central, 40);
    open.push(w.database);
    await central.faults({ dropAfterCommit: 3 });
    const before = (await central.admin('/v1/admin/stats')).items as number;
    const engine = new SyncEngine({ db: w.database.db, backoff: FAST, batch: { maxItems: 10 } });
    const r = await engine.runUntilEmpty();
    expect(r.ok).toBe(true);
    await expectExactlyOnce(central, w.database, w.ids);
    expect((await central.admin('/v1/admin/stats')).items - before).toBe(80);
  });

  it('retries through 500s and 429 with Retry-After, then delivers everything once', async () => {
    const w = await newWindow(central, 30);
    open.push(w.database);
    await central.faults({ fail500: 2, fail429: 2, retryAfterSeconds: 0.2 });
    const states: string[] = [];
    const engine = new SyncEngine({ db: w.database.db, backoff: FAST, batch: { maxItems: 15 }, onState: (s) => states.push(s.state) });
    const first = await engine.runOnce();
    expect(first.ok).toBe(false);
    if (!first.ok) expect(first.retryable).toBe(true);
    const s = await readSyncStatus(w.database.db);
    expect(s.lastError).toBeTruthy();
    expect(s.nextRetryAt).toBeTruthy();
    expect((await engine.runUntilEmpty()).ok).toBe(true);
    expect((await readSyncStatus(w.database.db)).lastError).toBeNull();
    await expectExactlyOnce(central, w.database, w.ids);
  });

  it('waits out a slow central (each push delayed) without duplicating', async () => {
    const w = await newWindow(central, 20);
    open.push(w.database);
    await central.faults({ delayMs: 400 });
    // A request timeout shorter than the delay: the central commits after the window gave up.
    const engine = new SyncEngine({ db: w.database.db, backoff: FAST, batch: { maxItems: 10 }, requestTimeoutMs: 150 });
    const first = await engine.runOnce();
    expect(first.ok).toBe(false);
    await central.faults({ delayMs: 50 });
    const slowButOk = new SyncEngine({ db: w.database.db, backoff: FAST, batch: { maxItems: 10 }, requestTimeoutMs: 5_000 });
    expect((await slowButOk.runUntilEmpty()).ok).toBe(true);
    await expectExactlyOnce(central, w.database, w.ids);
    await central.faults({});
  });

  it('parks a rejected entry with its reason, keeps its case behind it, lets other cases through', async () => {
    const w = await newWindow(central, 5);
    open.push(w.database);
    const bad = w.ids[2]!;
    await w.database.db.transaction().execute(async (trx) => {
      // Version 1 rows, as an older window left them: the rating's level is out of range.
      await queueRaw(trx, { kind: 'rating', aggregateId: bad, payload: { caseId: bad, level: 9, channel: 'screen' } });
      await queueRaw(trx, { kind: 'case', aggregateId: bad, payload: { id: bad, caseNumber: 'T-bad', itemCode: 'ITEM-1', status: 'withdrawn' } });
    });
    const engine = new SyncEngine({ db: w.database.db, backoff: FAST, batch: { maxItems: 4 } });
    const r = await engine.runUntilEmpty(); // returns once nothing sendable is left
    expect(r.ok).toBe(true);
    const s = await readSyncStatus(w.database.db);
    expect(s.parked).toBe(1);
    expect(s.pending).toBe(1); // the withdrawal waits behind the parked rating of the same case
    const parked = await w.database.db.selectFrom('outbox').selectAll().where('state', '=', 'parked').executeTakeFirstOrThrow();
    expect(parked.parked_reason).toMatch(/「rating」（第 1 版）内容格式不对.*level/);
    const { cases } = await central.admin('/v1/admin/cases');
    expect(w.ids.every((id) => cases.some((c: { id: string }) => c.id === id))).toBe(true);
  });

  it('a window sync process killed mid-drain resumes and delivers everything once', async () => {
    const w = await newWindow(central, 300);
    await w.database.close();
    await central.faults({ delayMs: 40 });
    const child = spawn(process.execPath, [CLI, 'sync', 'run', '--until-empty', '--data-dir', w.dir], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, YICHUANG_SYNC_BATCH: '20', YICHUANG_SYNC_BACKOFF_MS: '30,300' },
    });
    // Kill it once the central has seen a good part of the backlog, but not all of it.
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        const m = /上传 (\d+)\//.exec(String(d).split('\r').at(-1) ?? '');
        if (m && Number(m[1]) >= 150) resolve();
      });
      child.once('exit', () => resolve());
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const mid = await openDatabase(w.dir);
    const s = await readSyncStatus(mid.db);
    expect(s.pending).toBeGreaterThan(0);
    await mid.close();
    await central.faults({});
    const again = await runCli(['sync', 'run', '--until-empty', '--timeout', '100', '--data-dir', w.dir], { YICHUANG_SYNC_BATCH: '50' }, 110_000);
    expect(again.code === 0 ? 0 : again.stderr.slice(-500)).toBe(0);
    const after = await openDatabase(w.dir);
    open.push(after);
    await expectExactlyOnce(central, after, w.ids);
  });
});

if (!TEST_PG_URL) console.warn(PG_SKIP_REASON);

describe.each([
  { backend: 'sqlite', skip: false },
  { backend: 'postgres', skip: !TEST_PG_URL },
])('sync across central crashes and restores ($backend)', ({ backend, skip }) => {
  const dir = tempDir('central-crash');
  let pgDatabase: TestDatabase | undefined;
  let central = new CentralProcess(dir);
  const open: Database[] = [];
  const it = skip ? test.skip : test;
  beforeAll(async () => {
    if (skip) return;
    if (backend === 'postgres') {
      pgDatabase = await createTestDatabase();
      central = new CentralProcess(dir, pgDatabase.url);
    }
    await central.start();
  });
  afterAll(async () => {
    await central.kill('SIGTERM');
    for (const d of open) await d.close();
    await pgDatabase?.drop();
  });
  /** The operator restores an empty database: the SQLite file removed, or the PostgreSQL database recreated. */
  const restoreEmpty = async () => {
    if (pgDatabase) return pgDatabase.reset();
    for (const f of fs.readdirSync(dir)) if (f.startsWith('central.db')) fs.rmSync(path.join(dir, f));
  };

  it('survives the central server being SIGKILLed mid-batch and restarted', async () => {
    const w = await newWindow(central, 200);
    open.push(w.database);
    await central.faults({ delayMs: 60 });
    let killed = false;
    let restart: Promise<unknown> | null = null;
    const engine = new SyncEngine({
      db: w.database.db,
      backoff: FAST,
      batch: { maxItems: 20 },
      onProgress: (p) => {
        if (!killed && p.done >= 60) {
          killed = true;
          // The next batch is on its way (the central holds each push for a while): kill it there.
          restart = new Promise((r) => setTimeout(r, 20)).then(() => central.kill('SIGKILL')).then(() => central.start());
        }
      },
    });
    const r = await engine.runUntilEmpty();
    await restart;
    expect(killed).toBe(true);
    if (!r.ok) expect((await engine.runUntilEmpty()).ok).toBe(true);
    await expectExactlyOnce(central, w.database, w.ids);
  });

  it('re-offers everything when the central is restored empty (new generation), deleting nothing locally', async () => {
    const w = await newWindow(central, 30);
    open.push(w.database);
    const engine = new SyncEngine({ db: w.database.db, backoff: FAST, batch: { maxItems: 25 } });
    expect((await engine.runUntilEmpty()).ok).toBe(true);
    const genBefore = (await readSyncStatus(w.database.db)).generation;

    await central.kill('SIGKILL');
    await restoreEmpty();
    await central.start();
    const more = await queueCases(w.database, 5, { ratings: true });
    expect((await engine.runUntilEmpty()).ok).toBe(true);

    const s = await readSyncStatus(w.database.db);
    expect(s.generation).not.toBe(genBefore);
    expect(s.generationChangedAt).toBeTruthy();
    const local = await w.database.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(local.n)).toBe(70);
    await expectExactlyOnce(central, w.database, [...w.ids, ...more]);
    expect((await central.admin('/v1/admin/stats')).cases).toBe(35);
  });
});
