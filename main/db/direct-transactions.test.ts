import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { directRunner } from '../../platform/db/direct-transactions';
import { openDatabase, type Database } from './database';
import { queryTemplate } from './query-template';

const dirs: string[] = [];
const opened: Database[] = [];
async function open(): Promise<Database> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-direct-'));
  dirs.push(dir);
  const d = await openDatabase(dir, { skipQuickCheck: true });
  opened.push(d);
  return d;
}
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close().catch(() => undefined);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const put = queryTemplate((db, a: { key: string; value: string }) => db.insertInto('meta').values({ key: a.key, value: a.value }));
const read = queryTemplate((db, a: { key: string }) => db.selectFrom('meta').select('value').where('key', '=', a.key));

describe('query templates straight on the transaction’s connection', () => {
  it('run inside the transaction: committed with it, rolled back with it, in the order issued', async () => {
    const d = await open();
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
    const d = await open();
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
    const d = await open();
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
