import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { directRunner } from '../../platform/db/direct-transactions';
import { openDatabase, type Database } from './database';
import { queryTemplate } from './query-template';

let d: Database;
let dir: string;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-template-'));
  d = await openDatabase(dir, { skipQuickCheck: true });
});
afterEach(async () => {
  await d.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('queryTemplate', () => {
  it('builds once per shape and runs with each call’s values: single rows, multi-row inserts, upserts', async () => {
    let builds = 0;
    const insert = queryTemplate((db, a: { rows: Array<{ key: string; value: string }> }) => {
      builds++;
      return db.insertInto('meta').values(a.rows);
    });
    const upsert = queryTemplate((db, a: { key: string; value: string }) =>
      db
        .insertInto('meta')
        .values({ key: a.key, value: a.value })
        .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') }))),
    );
    const read = queryTemplate((db, a: { key: string }) => db.selectFrom('meta').select('value').where('key', '=', a.key));

    await insert(d.db, { rows: [{ key: 'a', value: '1' }] });
    await insert(d.db, { rows: [{ key: 'b', value: '2' }] });
    await insert(d.db, { rows: [{ key: 'c', value: '3' }, { key: 'd', value: '4' }] });
    await insert(d.db, { rows: [{ key: 'e', value: '5' }, { key: 'f', value: '6' }] });
    expect(builds).toBe(2);
    await upsert(d.db, { key: 'a', value: '10' });
    await upsert(d.db, { key: 'g', value: '7' });
    const got = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(async (key) => (await read(d.db, { key })).rows[0]?.value));
    expect(got).toEqual(['10', '2', '3', '4', '5', '6', '7']);
  });

  it('runs inside the caller’s transaction', async () => {
    const insert = queryTemplate((db, a: { key: string }) => db.insertInto('meta').values({ key: a.key, value: 'x' }));
    await expect(
      d.db.transaction().execute(async (trx) => {
        await insert(trx, { key: 'rolled-back' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await d.db.transaction().execute((trx) => insert(trx, { key: 'kept' }));
    expect((await d.db.selectFrom('meta').select('key').where('key', 'in', ['rolled-back', 'kept']).execute()).map((r) => r.key)).toEqual(['kept']);
  });

  it('refuses an argument used other than as a value, and an undefined value', async () => {
    const branching = queryTemplate((db, a: { key: string; all: boolean }) => {
      const q = db.selectFrom('meta').select('value');
      return a.all ? q : q.where('key', '=', a.key);
    });
    await expect(branching(d.db, { key: 'a', all: false })).rejects.toThrow(/is not used as a query value/);
    const insert = queryTemplate((db, a: { row: { key: string; value: string } }) => db.insertInto('meta').values(a.row));
    await insert(d.db, { row: { key: 'a', value: 'x' } });
    await expect(insert(d.db, { row: { key: 'b', value: undefined as unknown as string } })).rejects.toThrow(/row\.value is undefined/);
    expect(await d.db.selectFrom('meta').select('key').where('key', '=', 'b').execute()).toEqual([]);
  });
});

const put = queryTemplate((db, a: { key: string; value: string }) => db.insertInto('meta').values({ key: a.key, value: a.value }));
const read = queryTemplate((db, a: { key: string }) => db.selectFrom('meta').select('value').where('key', '=', a.key));

describe('query templates straight on the transaction’s connection', () => {
  it('run inside the transaction: committed with it, rolled back with it, in the order issued', async () => {
    await d.db.transaction().execute(async (trx) => {
      expect(directRunner(trx)).toBeDefined();
      // Issued without waiting: still run one after another, so the read sees the insert.
      const [, seen] = await Promise.all([put(trx, { key: 'a', value: '1' }), read(trx, { key: 'a' })]);
      expect(seen.rows).toEqual([{ value: '1' }]);
    });
    await expect(
      d.db.transaction().execute(async (trx) => {
        await put(trx, { key: 'b', value: '2' });
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    const keys = await d.db.selectFrom('meta').select('key').where('key', 'in', ['a', 'b']).execute();
    expect(keys).toEqual([{ key: 'a' }]);
  });

  it('a failed statement fails its caller and the transaction, and the next statements still run', async () => {
    await expect(
      d.db.transaction().execute(async (trx) => {
        await put(trx, { key: 'c', value: '1' });
        await put(trx, { key: 'c', value: 'duplicate' });
      }),
    ).rejects.toThrow(/UNIQUE/);
    await d.db.transaction().execute(async (trx) => {
      const failed = put(trx, { key: 'd', value: '1' }).then(() => put(trx, { key: 'd', value: 'again' }));
      await expect(failed).rejects.toThrow(/UNIQUE/);
      expect((await read(trx, { key: 'd' })).rows).toEqual([{ value: '1' }]);
    });
    expect(await d.db.selectFrom('meta').select('key').where('key', 'in', ['c', 'd']).execute()).toEqual([{ key: 'd' }]);
  });

  it('a transaction kept past its callback is not direct any more: kysely refuses it as before', async () => {
    let kept: Parameters<Parameters<ReturnType<typeof d.db.transaction>['execute']>[0]>[0] | undefined;
    await d.db.transaction().execute(async (trx) => {
      kept = trx;
    });
    expect(directRunner(kept!)).toBeUndefined();
    await expect(put(kept!, { key: 'e', value: '1' })).rejects.toThrow(/committed/);
    // Outside a transaction a template goes through kysely (and its connection queue).
    expect(directRunner(d.db)).toBeUndefined();
    await put(d.db, { key: 'e', value: '1' });
    expect((await read(d.db, { key: 'e' })).rows).toEqual([{ value: '1' }]);
  });
});
