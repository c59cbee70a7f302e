import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DirectKysely } from '../../platform/db/direct-transactions';
import { inlineParameters, sqlLiteral } from '../../platform/db/sql-literals';
import { expectation, isExpectationFailure } from '../../platform/db/write-batch';
import { openDatabase, type Database } from './database';

const dirs: string[] = [];
const opened: Database[] = [];
async function open(): Promise<{ d: Database; db: DirectKysely<any> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-batch-'));
  dirs.push(dir);
  const d = await openDatabase(dir, { skipQuickCheck: true });
  opened.push(d);
  await sql`create table t (k integer primary key, v any, note text unique)`.execute(d.db);
  return { d, db: d.db as unknown as DirectKysely<any> };
}
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close().catch(() => undefined);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const all = (d: Database, q: string, params: unknown[] = []) =>
  new Promise<Array<Record<string, unknown>>>((resolve, reject) => d.raw.all(q, params, (err, rows) => (err ? reject(err) : resolve(rows as Array<Record<string, unknown>>))));

function randomDoubles(n: number): number[] {
  const b = Buffer.alloc(8);
  const out: number[] = [];
  while (out.length < n) {
    crypto.randomFillSync(b);
    const v = b.readDoubleLE(0);
    if (Number.isFinite(v)) out.push(v);
  }
  return out;
}

describe('write batch literals', () => {
  it('store what the binding stores: same type and bytes for strings, blobs, integers, floats', async () => {
    const { d } = await open();
    const values: unknown[] = [
      "it's", "''", '"quoted" ?', '-- not a comment', '/* nor this */', '中文 ✓ 𝄞 emoji 🙂', '', 'a\0b', '\0', 'x'.repeat(5000),
      Buffer.from([0, 1, 2, 255]), new Uint8Array([9, 8, 7]), Buffer.alloc(0),
      0, -0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 53, -(2 ** 53) - 2, 3e9, 0.1, 0.1 + 0.2, 5e-324, 1.7976931348623157e308, -2.5e-300,
      ...randomDoubles(300),
      true, false, null,
    ];
    for (const [i, v] of values.entries()) {
      const bound = (await all(d, 'select typeof(?) as t, hex(?) as h, quote(?) as q', [v, v, v]))[0]!;
      const lit = sqlLiteral(v);
      const inlined = (await all(d, `select typeof(${lit}) as t, hex(${lit}) as h, quote(${lit}) as q`))[0]!;
      expect(inlined, `value ${i}: ${String(v).slice(0, 40)}`).toEqual(bound);
    }
    // Every double read back is the same double (17 significant digits; the shortest form is not always parsed back exactly).
    const doubles = randomDoubles(500);
    const row = (await all(d, `select ${doubles.map((v, i) => `${sqlLiteral(v)} as c${i}`).join(', ')}`))[0]!;
    doubles.forEach((v, i) => expect(Object.is(row[`c${i}`], v)).toBe(true));
    expect((await all(d, `select ${sqlLiteral(2n ** 63n - 1n)} as v`))[0]!.v).toBe(2 ** 63 - 1);
  });

  it('refuses values that cannot be stored as they are', () => {
    for (const v of [undefined, NaN, Infinity, -Infinity, new Date(), {}, [1], 2n ** 63n]) expect(() => sqlLiteral(v)).toThrow();
  });

  it('replaces only the placeholders outside quotes, identifiers and comments', () => {
    expect(inlineParameters(`select ? as "a?", '?''?' as [b?], \`c?\` -- ?\n, ? /* ? */`, ["it's", 2])).toBe(
      `select 'it''s' as "a?", '?''?' as [b?], \`c?\` -- ?\n, 2 /* ? */`,
    );
    expect(() => inlineParameters('select ?, ?', [1])).toThrow(/more placeholders/);
    expect(() => inlineParameters('select ?', [1, 2])).toThrow(/more parameters/);
    expect(() => inlineParameters("select '?", [1])).toThrow(/unterminated/);
    expect(() => inlineParameters('select ?1', [1])).toThrow(/numbered/);
  });

  it('keeps a negative value after a minus a number, not the start of a comment', async () => {
    const { d } = await open();
    const q = inlineParameters('select 1 -? as a, 1 -? as b, 1 -? as c', [-1, -2.5, -(2n ** 40n)]);
    expect((await all(d, q))[0]).toEqual({ a: 2, b: 3.5, c: 1 + 2 ** 40 });
  });
});

describe('write batch', () => {
  it('commits every statement of the batch, or none: a failing statement mid-batch rolls all back', async () => {
    const { d, db } = await open();
    await db.writeBatch([`insert into t (k, v, note) values (1, 'a', 'one')`, `insert into t (k, v, note) values (2, 'b', 'two')`]);
    await expect(
      db.writeBatch([`insert into t (k, v, note) values (3, 'c', 'three')`, `insert into t (k, v, note) values (4, 'd', 'one')`, `insert into t (k, v, note) values (5, 'e', 'five')`]),
    ).rejects.toThrow(/UNIQUE/);
    expect((await all(d, 'select k from t order by k')).map((r) => r.k)).toEqual([1, 2]);
    // The connection is usable and not left in a transaction.
    await db.transaction().execute((trx) => sql`insert into t (k, v, note) values (6, 'f', 'six')`.execute(trx));
    expect((await all(d, 'select count(*) as n from t'))[0]!.n).toBe(3);
  });

  it('aborts on an expectation that does not hold, with nothing written', async () => {
    const { d, db } = await open();
    await db.writeBatch([`insert into t (k, v) values (1, 'a')`, expectation('(select count(*) from t) = ?', [1])]);
    const failed = await db.writeBatch([`insert into t (k, v) values (2, 'b')`, expectation('(select v from t where k = ?) IS ?', [1, 'z'])]).catch((e: unknown) => e);
    expect(isExpectationFailure(failed)).toBe(true);
    // NULL is not true either.
    expect(isExpectationFailure(await db.writeBatch([`insert into t (k, v) values (3, 'c')`, expectation('(select v from t where k = 99)')]).catch((e: unknown) => e))).toBe(true);
    expect((await all(d, 'select k from t'))).toEqual([{ k: 1 }]);
    // The temp view is the connection's own: nothing in the database file's schema.
    expect(await all(d, "select name from sqlite_master where name like 'batch_expect%'")).toEqual([]);
  });

  it('holds the connection: transactions and queries issued meanwhile run before or after a batch, never inside it', async () => {
    const { d, db } = await open();
    const work: Array<Promise<unknown>> = [];
    for (let i = 0; i < 40; i++) {
      // Each batch writes two rows and expects exactly its pair's count; a transaction interleaved would see one.
      work.push(db.writeBatch([`insert into t (k, v) values (${2 * i}, 'batch')`, `insert into t (k, v) values (${2 * i + 1}, 'batch')`, expectation('(select count(*) from t where v = ?) % 2 = 0', ['batch'])]));
      work.push(
        db.transaction().execute(async (trx) => {
          const { rows } = await sql<{ n: number }>`select count(*) as n from t where v = 'batch'`.execute(trx);
          expect(rows[0]!.n % 2).toBe(0);
          await sql`insert into t (k, v) values (${1000 + i}, 'trx')`.execute(trx);
        }),
      );
      work.push(db.selectFrom('t').select('k').execute());
    }
    await Promise.all(work);
    expect((await all(d, "select count(*) as n from t where v = 'batch'"))[0]!.n).toBe(80);
    expect((await all(d, "select count(*) as n from t where v = 'trx'"))[0]!.n).toBe(40);
  });
});
