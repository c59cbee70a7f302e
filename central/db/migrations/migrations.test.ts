import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../platform/db/migrator';
import type { CentralDB } from '../schema';
import { openSqlite } from '../sqlite';
import { centralMigrations } from './index';

// One test per central migration, from the previous version with data (SQLite; the PostgreSQL path runs in postgres.test.ts).
const dirs: string[] = [];
const open: Array<Kysely<CentralDB>> = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.destroy().catch(() => undefined);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
async function at(version: number, dir?: string): Promise<{ db: Kysely<CentralDB>; dir: string }> {
  const d = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'yc-central-mig-'));
  if (!dir) dirs.push(d);
  const { db, versions } = await openSqlite(d);
  open.push(db);
  await migrate(db, centralMigrations.filter((m) => m.version <= version), versions);
  return { db, dir: d };
}

describe('central migrations', () => {
  it('001 (core) on an empty database: a generation and the demo look-ups', async () => {
    const { db } = await at(1);
    expect(await schemaVersion(db)).toBe(1);
    expect((await db.selectFrom('meta').select('value').where('key', '=', 'generation').executeTakeFirstOrThrow()).value).toMatch(/^[0-9a-f-]{36}$/);
    expect((await db.selectFrom('licences').selectAll().execute()).length).toBeGreaterThan(0);
  });

  it('002 (device heartbeat) on a version-1 database keeps its devices and generation, heartbeat columns empty', async () => {
    const one = await at(1);
    await one.db.insertInto('devices').values({ id: 'dev-1', hall: 'H1', window: 'W1', name: '一号窗', enrolled_at: '2026-01-01T00:00:00Z', last_seen_at: null }).execute();
    const generation = (await one.db.selectFrom('meta').select('value').where('key', '=', 'generation').executeTakeFirstOrThrow()).value;
    await one.db.destroy();
    open.splice(open.indexOf(one.db), 1);
    const { db } = await at(2, one.dir);
    expect(await schemaVersion(db)).toBe(2);
    expect(await db.selectFrom('devices').selectAll().execute()).toEqual([
      { id: 'dev-1', hall: 'H1', window: 'W1', name: '一号窗', enrolled_at: '2026-01-01T00:00:00Z', last_seen_at: null, pending: null, parked: null, oldest_pending_at: null, clock_skew_ms: null },
    ]);
    expect((await db.selectFrom('meta').select('value').where('key', '=', 'generation').executeTakeFirstOrThrow()).value).toBe(generation);
    await db.updateTable('devices').set({ pending: 3, parked: 1 }).where('id', '=', 'dev-1').execute();
    expect(await db.selectFrom('devices').select(['pending', 'parked']).executeTakeFirstOrThrow()).toEqual({ pending: 3, parked: 1 });
  });
  it('003 (received blobs) on a version-2 database keeps its devices; a blob is held once and linked to several cases', async () => {
    const two = await at(2);
    await two.db.insertInto('devices').values({ id: 'dev-1', hall: 'H1', window: 'W1', name: null, enrolled_at: '2026-01-01T00:00:00Z', last_seen_at: null }).execute();
    await two.db.destroy();
    open.splice(open.indexOf(two.db), 1);
    const { db } = await at(3, two.dir);
    expect(await schemaVersion(db)).toBe(3);
    expect(await db.selectFrom('devices').select('id').execute()).toEqual([{ id: 'dev-1' }]);
    const sha256 = 'b'.repeat(64);
    await db.insertInto('received_blobs').values({ sha256, size: 5, upload_id: 'u1', device_id: 'dev-1', received_at: '2026-12-02T00:00:00Z' }).execute();
    await expect(db.insertInto('received_blobs').values({ sha256, size: 5, upload_id: 'u2', device_id: 'dev-1', received_at: '2026-12-02T00:00:00Z' }).execute()).rejects.toThrow();
    for (const case_id of ['c1', 'c2']) await db.insertInto('blob_links').values({ sha256, case_id, material_code: 'M', device_id: 'dev-1', linked_at: '2026-12-02T00:00:00Z' }).execute();
    expect(await db.selectFrom('blob_links').select('case_id').where('sha256', '=', sha256).orderBy('case_id').execute()).toEqual([{ case_id: 'c1' }, { case_id: 'c2' }]);
  });

  it('006 (handover) on a version-2 database keeps its status changes (no result) and records one handover per case', async () => {
    const two = await at(2);
    await two.db.insertInto('case_status_changes').values({ case_id: 'c1', hall: 'H1', status: 'in_progress', note: null, central_case_number: null, at: '2026-01-02T00:00:00Z' }).execute();
    await two.db.destroy();
    open.splice(open.indexOf(two.db), 1);
    const { db } = await at(6, two.dir);
    expect(await schemaVersion(db)).toBe(6);
    expect(await db.selectFrom('case_status_changes').select(['case_id', 'status', 'result', 'result_ready']).execute()).toEqual([{ case_id: 'c1', status: 'in_progress', result: null, result_ready: null }]);
    const h = { case_id: 'c1', hall: 'H1', window: 'W1', device_id: 'dev-1', method: 'window', at: 'now', payload: '{}', received_at: 'now' };
    await db.insertInto('handovers').values({ ...h, entry_id: 'e1' }).execute();
    await expect(db.insertInto('handovers').values({ ...h, entry_id: 'e2' }).execute()).rejects.toThrow(/UNIQUE/);
  });
});
