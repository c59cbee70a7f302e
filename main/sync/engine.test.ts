import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../central/demo-data';
import { startCentralServer, type CentralServer } from '../../central/http/server';
import { createEnrolmentCode } from '../../central/store/enrolment';
import { openDatabase, type Database } from '../db/database';
import { enqueueOutbox } from '../db/outbox';
import { backoffDelay, parseRetryAfter } from './backoff';
import { SyncEngine } from './engine';
import { NOT_CHECKED } from './lookups';
import { acceptedEntry } from './testing/sample-entries';
import { enrolledWindow, tempDir } from './testing/window-fixture';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FAST = { baseMs: 20, maxMs: 100 };

describe('backoff', () => {
  it('grows exponentially with jitter, stays under the ceiling and never undercuts Retry-After', () => {
    const p = { baseMs: 100, maxMs: 1_000 };
    expect(backoffDelay(p, 1, undefined, () => 0)).toBe(50);
    expect(backoffDelay(p, 3, undefined, () => 1)).toBe(400);
    expect(backoffDelay(p, 30, undefined, () => 1)).toBe(1_000);
    expect(backoffDelay(p, 1, 5_000, () => 1)).toBe(5_000);
    expect(parseRetryAfter('2')).toBe(2_000);
    expect(parseRetryAfter(new Date(Date.now() + 3_000).toUTCString())).toBeGreaterThan(1_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('sync engine against an in-process central server', () => {
  let central: CentralServer;
  let win: { dir: string; database: Database };
  let engine: SyncEngine;
  const admin = async (route: string, body: unknown) => {
    const res = await fetch(`${central.url}${route}`, { method: 'POST', headers: { authorization: `Bearer ${central.adminToken}` }, body: JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as any };
  };

  beforeAll(async () => {
    central = await startCentralServer({ dataDir: tempDir('central'), port: 0, catalogSeedDir: path.join(ROOT, 'resources', 'catalog') });
    win = await enrolledWindow(central.url, (await createEnrolmentCode(central.store.db, 'H01', 'W01')).code);
    engine = new SyncEngine({ db: win.database.db, backoff: FAST, pullPageSize: 10 });
  });
  afterAll(async () => {
    await win.database.close();
    await central.close();
  });

  it('pulls the seed catalog page by page into the catalog tables, cursor in step', async () => {
    const seed = JSON.parse(fs.readFileSync(path.join(ROOT, 'resources', 'catalog', 'items.json'), 'utf8')) as { items: unknown[] };
    const r = await engine.runOnce();
    expect(r).toMatchObject({ ok: true });
    const items = await win.database.db.selectFrom('catalog_item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(items.n)).toBe(seed.items.length);
    const s = await engine.status();
    const top = await central.store.db.selectFrom('catalog_changes').select((eb) => eb.fn.max('version').as('v')).executeTakeFirstOrThrow();
    expect(s.catalogCursor).toBe(Number(top.v));
    expect(s.lastPullAt).toBeTruthy();
    expect(s).toMatchObject({ state: 'idle', pending: 0, parked: 0, lastError: null, enrolled: true, hall: 'H01' });
  });

  it('keeps the cursor where it was when a catalog page cannot be applied, and says why', async () => {
    const before = (await engine.status()).catalogCursor;
    await admin('/v1/admin/catalog', { changes: [{ entity: 'item', key: 'BROKEN', op: 'upsert', data: { code: 'BROKEN' } }] });
    const r = await engine.runOnce();
    expect(r.ok).toBe(false);
    const s = await engine.status();
    expect(s.catalogCursor).toBe(before);
    expect(s.lastError).toMatch(/事项目录数据格式不正确/);
    await admin('/v1/admin/catalog', { changes: [{ entity: 'item', key: 'BROKEN', op: 'delete', data: null }] });
  });

  it('records central case status changes for its own cases, beside the window status', async () => {
    const caseId = '01900000-0000-7000-8000-000000000001';
    const now = new Date().toISOString();
    await win.database.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('intake_case')
        .values({
          id: caseId, case_number: 'H01W0120260101-0001', status: 'accepted', item_code: 'X', item_name: '测试事项', promised_limit_value: 5,
          promised_limit_unit: 'workday', hall_code: 'H01', window_code: 'W01', clerk_id: 's1', clerk_name: '张三', created_at: now, updated_at: now, catalog_version: 1,
        } as never)
        .execute();
      await enqueueOutbox(trx, acceptedEntry(caseId, 'H01W0120260101-0001'));
    });
    // Still broken catalog page from the test above is gone (deleted), so the cycle succeeds.
    expect((await engine.runOnce()).ok).toBe(true);
    expect((await admin('/v1/admin/case-status', { caseId, status: 'completed_approved', centralCaseNumber: 'C-9', note: '准予' })).status).toBe(200);
    await admin('/v1/admin/case-status', { caseId: caseId, status: 'completed_approved' });
    expect((await engine.runOnce()).ok).toBe(true);
    const c = await win.database.db.selectFrom('intake_case').select(['status', 'central_status', 'central_number']).where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(c).toEqual({ status: 'accepted', central_status: 'completed_approved', central_number: 'C-9' });
    const history = await win.database.db.selectFrom('case_history').selectAll().where('case_id', '=', caseId).where('source', '=', 'central').execute();
    expect(history).toHaveLength(2);
    expect((await engine.status()).caseStatusCursor).toBe(2);
  });

  it('looks up online; offline it answers "not checked", queues, and re-checks on the next sync (a hit flags the case)', async () => {
    const caseId = '01900000-0000-7000-8000-000000000001';
    const online = await engine.lookups.licences(DEMO_PEOPLE.withLicences);
    expect(online.checked).toBe(true);
    expect(online.licences.length).toBeGreaterThan(0);

    const offlineEngine = new SyncEngine({ db: win.database.db, backoff: FAST });
    await win.database.db.updateTable('meta').set({ value: 'http://127.0.0.1:9' }).where('key', '=', 'sync.central_url').execute();
    await offlineEngine.client();
    const offline = await offlineEngine.lookups.credit(DEMO_PEOPLE.creditHit, 'person', caseId);
    expect(offline).toMatchObject({ checked: false, hit: null, queued: true });
    expect(offline.message).toContain(NOT_CHECKED);
    expect((await offlineEngine.runOnce()).ok).toBe(false);
    expect((await offlineEngine.status()).state).toBe('offline');
    expect((await offlineEngine.status()).lookupsQueued).toBe(1);

    await win.database.db.updateTable('meta').set({ value: central.url }).where('key', '=', 'sync.central_url').execute();
    expect((await engine.runOnce()).ok).toBe(true);
    expect((await engine.status()).lookupsQueued).toBe(0);
    const c = await win.database.db.selectFrom('intake_case').select('credit_check').where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(c.credit_check).toBe('flagged');
  });
});

describe('scheduled sync', () => {
  it('an unenrolled window looks again on the interval, not at once (no busy loop); enrolling nudges', async () => {
    const database = await openDatabase(tempDir('unenrolled'));
    const states: string[] = [];
    const engine = new SyncEngine({ db: database.db, backoff: FAST, intervalMs: 60_000, onState: (s) => states.push(s.state) });
    try {
      engine.start(0);
      // Before the fix the scheduled cycle re-ran with a 0 ms delay: hundreds of cycles in this pause.
      for (let i = 0; i < 40 && states.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
      await new Promise((r) => setTimeout(r, 300));
      expect(states).toEqual(['unenrolled']);
      engine.nudge();
      for (let i = 0; i < 40 && states.length === 1; i++) await new Promise((r) => setTimeout(r, 25));
      expect(states).toEqual(['unenrolled', 'unenrolled']);
    } finally {
      engine.stop();
      await database.close();
    }
  });

  it('notices the central coming back (reconnect) and drains without being asked', async () => {
    const dataDir = tempDir('central-later');
    const first = await startCentralServer({ dataDir, port: 0 });
    const win = await enrolledWindow(first.url, (await createEnrolmentCode(first.store.db, 'H01', 'W02')).code);
    const port = first.port;
    await first.close();
    await win.database.db.transaction().execute((trx) => enqueueOutbox(trx, acceptedEntry('late-1', 'N-late-1')));
    let back: CentralServer | null = null;
    const drained = new Promise<void>((resolve) => {
      const engine = new SyncEngine({
        db: win.database.db,
        backoff: FAST,
        onState: (s) => {
          // Offline first; bring the central back on the same port, then wait for the drain.
          if (s.state === 'offline' && !back) void startCentralServer({ dataDir, port }).then((c) => (back = c));
          if (s.state === 'idle' && s.pending === 0 && back) {
            engine.stop();
            resolve();
          }
        },
      });
      engine.start(0);
    });
    await drained;
    const row = await back!.store.db.selectFrom('cases').select('id').where('id', '=', 'late-1').executeTakeFirst();
    expect(row?.id).toBe('late-1');
    await win.database.close();
    await back!.close();
  });
});
