import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { latestVersion } from '../platform/db/migrator';
import { isConstraintViolation, isTransient } from './db/errors';
import { centralMigrations } from './db/migrations';
import { openCentralStore, UnsupportedDatabaseError, type CentralStore } from './db/open';
import { caseStatusSince, recordCaseStatus, takeCounterTurn } from './store/queries';
import { createTestDatabase, PG_SKIP_REASON, TEST_PG_URL, type TestDatabase } from './testing/postgres';

const run = TEST_PG_URL ? test : test.skip;
if (!TEST_PG_URL) console.warn(PG_SKIP_REASON);
const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'yc-central-pg-'));

describe('the central store on PostgreSQL', () => {
  const databases: TestDatabase[] = [];
  const stores: CentralStore[] = [];
  const fresh = async () => {
    const d = await createTestDatabase();
    databases.push(d);
    return d;
  };
  const open = async (url: string) => {
    const s = await openCentralStore({ dataDir: dataDir(), databaseUrl: url });
    stores.push(s);
    return s;
  };
  afterAll(async () => {
    for (const s of stores) await s.close();
    for (const d of databases) await d.drop();
  });

  run('is migrated once when several instances open an empty database at the same moment', async () => {
    const { url } = await fresh();
    const opened = await Promise.all([open(url), open(url), open(url)]);
    expect(new Set(opened.map((s) => s.generation)).size).toBe(1);
    expect(opened.every((s) => s.backend === 'postgres')).toBe(true);
    const { rows } = await sql<{ version: number }>`select version from schema_version`.execute(opened[0]!.db);
    expect(rows).toEqual([{ version: latestVersion(centralMigrations) }]);
    const again = await open(url);
    expect(again.generation).toBe(opened[0]!.generation);
  });

  run('never lets a later status cursor be seen before an earlier one commits', async () => {
    const { url } = await fresh();
    const [a, b] = [await open(url), await open(url)];
    await a.db.insertInto('cases').values({ id: 'c1', hall: 'H01', window: 'W01', device_id: 'd', case_number: null, item_code: null, payload: '{}', first_received_at: 'x', updated_at: 'x', entries: 1 }).execute();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let taken!: () => void;
    const turnTaken = new Promise<void>((r) => (taken = r));
    // A writer takes its turn and holds its transaction open…
    const first = a.db.transaction().execute(async (trx) => {
      await takeCounterTurn(trx);
      const row = await trx.insertInto('case_status_changes').values({ case_id: 'c1', hall: 'H01', status: 'in_progress', note: null, central_case_number: null, at: 'x' }).returning('cursor').executeTakeFirstOrThrow();
      taken();
      await gate;
      return row.cursor;
    });
    await turnTaken;
    // …so a second writer on another instance waits, and a reader sees neither.
    let secondDone = false;
    const second = recordCaseStatus(b.db, { caseId: 'c1', status: 'completed_approved' }).then((c) => ((secondDone = true), c));
    await new Promise((r) => setTimeout(r, 300));
    expect(secondDone).toBe(false);
    expect((await caseStatusSince(b.db, 'H01', 0, 10)).changes).toEqual([]);
    release();
    const [c1, c2] = [await first, await second];
    expect(c2).toBeGreaterThan(c1);
    expect((await caseStatusSince(b.db, 'H01', 0, 10)).changes.map((c) => c.status)).toEqual(['in_progress', 'completed_approved']);
  });

  run('says plainly when the database cannot be reached, without the password', async () => {
    const bad = new URL(TEST_PG_URL);
    bad.password = 'not-the-password';
    const err = await openCentralStore({ dataDir: dataDir(), databaseUrl: bad.toString() }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/无法连接中心数据库/);
    expect((err as Error).message).not.toMatch(/not-the-password/);
  });
});

describe('database errors, whichever database raised them', () => {
  const pgError = (code: string) => Object.assign(new Error('pg'), { code });
  test('constraint violations are permanent, contention and lost connections are worth a retry', () => {
    expect(isConstraintViolation(new Error('SQLITE_CONSTRAINT: UNIQUE constraint failed'))).toBe(true);
    expect(isConstraintViolation(pgError('23505'))).toBe(true);
    expect(isConstraintViolation(pgError('40P01'))).toBe(false);
    for (const code of ['40P01', '40001', '53300', '57P01', '08006', 'ECONNREFUSED']) expect(isTransient(pgError(code))).toBe(true);
    expect(isTransient(new Error('SQLITE_BUSY: database is locked'))).toBe(true);
    expect(isTransient(pgError('23505'))).toBe(false);
    expect(isTransient(pgError('42P01'))).toBe(false);
  });

  test('refuses a database address it does not know', async () => {
    await expect(openCentralStore({ dataDir: dataDir(), databaseUrl: 'mysql://u:p@h/db' })).rejects.toBeInstanceOf(UnsupportedDatabaseError);
  });
});
