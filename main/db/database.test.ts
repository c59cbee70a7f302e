import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../audit/chain';
import { lastQuickCheckOk } from './check-policy';
import { openDatabase, type Database } from './database';
import { NewerDatabaseError, latestVersion } from '../../platform/db/migrator';
import { migrations } from './migrations';
import { enqueueOutbox } from './outbox';
import { acceptedEntry } from '../sync/testing/sample-entries';

const dirs: string[] = [];
// A day and an hour on: the last good check is due again (check-policy.ts), so a large file's background check runs.
const dayLater = () => new Date(Date.now() + 25 * 3600_000);
const opened: Database[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-db-'));
  dirs.push(d);
  return d;
}
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close().catch(() => undefined);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('database', () => {
  it('opens a real file in WAL mode with foreign keys and full sync, migrated to the newest version', async () => {
    const d = await openDatabase(tempDir());
    opened.push(d);
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(d.db);
    expect(mode.rows[0]!.journal_mode).toBe('wal');
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(d.db);
    expect(fk.rows[0]!.foreign_keys).toBe(1);
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(d.db);
    expect(sync.rows[0]!.synchronous).toBe(2);
    const v = await sql<{ user_version: number }>`pragma user_version`.execute(d.db);
    expect(v.rows[0]!.user_version).toBe(latestVersion(migrations));
  });

  it('writes the outbox and audit rows in the caller transaction, and rolls both back together', async () => {
    const d = await openDatabase(tempDir());
    opened.push(d);
    await d.db.transaction().execute(async (trx) => {
      await enqueueOutbox(trx, acceptedEntry('c1', 'N-1'));
      await appendAudit(trx, { actor: 'clerk1', action: 'case.accept', subject: 'c1' });
    });
    await expect(
      d.db.transaction().execute(async (trx) => {
        await enqueueOutbox(trx, acceptedEntry('c2', 'N-2'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await d.db.selectFrom('outbox').selectAll().execute();
    expect(rows.map((r) => r.aggregate_id)).toEqual(['c1']);
    expect(rows[0]!.state).toBe('pending');
    const audit = await d.db.selectFrom('audit_log').selectAll().execute();
    expect(audit).toHaveLength(1);
  });

  it('serialises concurrent transactions on the single connection', async () => {
    const d = await openDatabase(tempDir());
    opened.push(d);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        d.db.transaction().execute((trx) => enqueueOutbox(trx, acceptedEntry(`a${i}`, `N-${i}`))),
      ),
    );
    const seqs = (await d.db.selectFrom('outbox').select('seq').orderBy('seq').execute()).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('refuses a database written by a newer app version, and leaves it untouched', async () => {
    const dir = tempDir();
    const d = await openDatabase(dir);
    await sql.raw(`pragma user_version = ${latestVersion(migrations) + 5}`).execute(d.db);
    await d.close();
    await expect(openDatabase(dir)).rejects.toBeInstanceOf(NewerDatabaseError);
    await expect(openDatabase(dir)).rejects.toThrow(/更新版本/);
  });

  it('reports a file that is not a database with a clear message', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'yichuang.db'), Buffer.alloc(8192, 7));
    await expect(openDatabase(dir)).rejects.toThrow(/损坏/);
  });

  it('checks a small file before start and refuses it damaged; a large one after start, beside the services', async () => {
    const dir = tempDir();
    const d = await openDatabase(dir);
    expect(d.startCheck()).toMatchObject({ mode: 'at-open', state: 'ok' });
    await sql`create table filler (n integer, label text)`.execute(d.db);
    await sql`create index filler_label on filler (label)`.execute(d.db);
    await sql`with recursive k(n) as (select 1 union all select n + 1 from k where n < 3000) insert into filler select n, printf('label-%06d', n) from k`.execute(d.db);
    const { rows } = await sql<{ rootpage: number }>`select rootpage from sqlite_master where name = 'filler_label'`.execute(d.db);
    const pageSize = Number(Object.values((await sql`pragma page_size`.execute(d.db)).rows[0] as object)[0]);
    await d.close();
    // An invalid page type on the index's root page: the tables the app reads stay readable.
    const file = path.join(dir, 'yichuang.db');
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.from([0x00]), 0, 1, (rows[0]!.rootpage - 1) * pageSize);
    fs.closeSync(fd);

    await expect(openDatabase(dir)).rejects.toThrow(/损坏/);

    const large = await openDatabase(dir, { quickCheckAtOpenMaxBytes: 0, backgroundCheckDelayMs: 0, now: dayLater });
    opened.push(large);
    expect(large.startCheck()).toMatchObject({ mode: 'background' });
    expect(await large.db.selectFrom('meta').select('key').limit(1).execute()).toBeDefined(); // serving while it checks
    for (let i = 0; i < 200 && large.startCheck().state === 'running'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(large.startCheck()).toMatchObject({ mode: 'background', state: 'problems' });
    expect(large.startCheck().detail).toBeTruthy();
    // The good check remembered is forgotten: the next start checks again, however soon.
    await large.close();
    const again = await openDatabase(dir, { skipQuickCheck: true });
    opened.push(again);
    expect(await lastQuickCheckOk(again.db)).toBeNull();
  });

  it('closes while the background check still runs', async () => {
    const dir = tempDir();
    await (await openDatabase(dir)).close();
    const d = await openDatabase(dir, { quickCheckAtOpenMaxBytes: 0, backgroundCheckDelayMs: 0, now: dayLater });
    await d.close();
    expect(['running', 'ok']).toContain(d.startCheck().state);
  });

  it('waits before the background check (off the path to the first screen), and closes without waiting for it', async () => {
    const dir = tempDir();
    await (await openDatabase(dir)).close();
    const d = await openDatabase(dir, { quickCheckAtOpenMaxBytes: 0, backgroundCheckDelayMs: 600_000, now: dayLater });
    await new Promise((r) => setTimeout(r, 200));
    expect(d.startCheck()).toMatchObject({ mode: 'background', state: 'running', ms: null });
    await d.close();
    expect(d.startCheck().state).toBe('running');
  });

  it('runs a migration and its version bump atomically: a failing migration leaves the old version', async () => {
    const dir = tempDir();
    const broken = [
      ...migrations,
      {
        version: latestVersion(migrations) + 1,
        name: 'broken',
        async up(trx: Parameters<(typeof migrations)[number]['up']>[0]) {
          await trx.schema.createTable('half').addColumn('x', 'text').execute();
          throw new Error('fails half-way');
        },
      },
    ];
    await expect(openDatabase(dir, { migrations: broken })).rejects.toThrow('fails half-way');
    const d = await openDatabase(dir);
    opened.push(d);
    const tables = await sql<{ name: string }>`select name from sqlite_master where name = 'half'`.execute(d.db);
    expect(tables.rows).toHaveLength(0);
  });
});
