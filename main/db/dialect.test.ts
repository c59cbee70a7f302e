import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database';

const dirs: string[] = [];
const opened: Database[] = [];
async function open(): Promise<Database> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-dialect-'));
  dirs.push(dir);
  const d = await openDatabase(dir, { skipQuickCheck: true });
  opened.push(d);
  return d;
}
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close().catch(() => undefined);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Counts the statements sqlite3 prepares for reuse, by SQL text. */
function countPrepares(d: Database): Map<string, number> {
  const counts = new Map<string, number>();
  const prepare = d.raw.prepare.bind(d.raw) as (...args: unknown[]) => unknown;
  (d.raw as unknown as { prepare: (...args: unknown[]) => unknown }).prepare = (text: unknown, ...rest: unknown[]) => {
    counts.set(String(text), (counts.get(String(text)) ?? 0) + 1);
    return prepare(text, ...rest);
  };
  return counts;
}

describe('sqlite3 dialect statement reuse', () => {
  it('prepares each SQL text once and runs it with new values each time', async () => {
    const d = await open();
    const prepares = countPrepares(d);
    for (let i = 0; i < 5; i++) await d.db.insertInto('meta').values({ key: `k${i}`, value: `v${i}` }).execute();
    const values = [];
    for (let i = 0; i < 5; i++) values.push((await d.db.selectFrom('meta').select('value').where('key', '=', `k${i}`).executeTakeFirst())?.value);
    expect(values).toEqual(['v0', 'v1', 'v2', 'v3', 'v4']);
    const inserts = [...prepares].filter(([text]) => text.startsWith('insert into "meta"'));
    const selects = [...prepares].filter(([text]) => text.startsWith('select "value" from "meta"'));
    expect(inserts.map(([, n]) => n)).toEqual([1]);
    expect(selects.map(([, n]) => n)).toEqual([1]);
  });

  it('keeps reporting changes and row ids, and a failed run does not spoil the statement', async () => {
    const d = await open();
    const insert = (key: string) => d.db.insertInto('meta').values({ key, value: 'x' }).executeTakeFirst();
    await insert('a');
    await expect(insert('a')).rejects.toThrow(/UNIQUE/);
    expect(Number((await insert('b')).numInsertedOrUpdatedRows)).toBe(1);
    const r = await d.db.updateTable('meta').set({ value: 'y' }).where('key', 'in', ['a', 'b']).executeTakeFirst();
    expect(Number(r.numUpdatedRows)).toBe(2);
    const { insertId } = await d.db.insertInto('outbox').values({ id: 'o1', kind: 'k', aggregate_id: 'a', payload: '{}', created_at: 'now', last_error: null, parked_reason: null, done_at: null, central_result: null }).executeTakeFirst();
    expect(Number(insertId)).toBe(1);
  });

  it('does not keep a statement that failed to prepare', async () => {
    const d = await open();
    const query = sql<{ n: number }>`select count(*) as n from later_table`;
    await expect(query.execute(d.db)).rejects.toThrow(/no such table/);
    await sql`create table later_table (x integer)`.execute(d.db);
    expect((await query.execute(d.db)).rows).toEqual([{ n: 0 }]);
  });

  it('leaves no statement mid-step: a truncating checkpoint empties the WAL after every kind of query', async () => {
    const d = await open();
    await d.db.insertInto('meta').values([{ key: 'a', value: '1' }, { key: 'b', value: '2' }]).execute();
    await d.db.selectFrom('meta').selectAll().execute();
    await d.db.insertInto('audit_log').values({ at: 'now', actor: 'a', action: 'x', subject: null, detail: '{}', algorithm: 'sha256', prev_hash: '0', hash: '1' }).returning('seq').execute();
    await sql`pragma user_version`.execute(d.db);
    // Returns rows but does not look like it: run for its effect, so never kept half-read.
    await sql`/* rows */ select key from meta`.execute(d.db);
    const { rows } = await sql<{ busy: number; log: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(d.db);
    expect(rows[0]).toMatchObject({ busy: 0, log: 0 });
    expect(fs.statSync(`${d.file}-wal`).size).toBe(0);
  });

  it('finalizes its statements on close, so the database closes and reopens', async () => {
    const d = await open();
    // More distinct statements than are kept, so some are dropped along the way.
    for (let i = 0; i < 260; i++) expect((await sql<{ n: number }>`select ${i} + ${sql.raw(String(i))} as n`.execute(d.db)).rows[0]!.n).toBe(2 * i);
    opened.splice(opened.indexOf(d), 1);
    await d.close();
    const again = await openDatabase(d.file, { skipQuickCheck: true });
    opened.push(again);
    expect((await again.db.selectFrom('meta').select('key').execute()).length).toBeGreaterThanOrEqual(0);
  });
});
