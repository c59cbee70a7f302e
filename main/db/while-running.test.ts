import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { whileRunning } from '../../platform/db/while-running';
import { openDatabase, type Database } from './database';

let d: Database | undefined;
let dir: string;
afterEach(async () => {
  await d?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('whileRunning', () => {
  it('returns the statement and the work; a failing work is passed on only after its statement finished, so a rollback cannot overtake it', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-while-'));
    d = await openDatabase(dir, { skipQuickCheck: true });
    const [inserted, doubled] = await whileRunning(d.db.insertInto('meta').values({ key: 'a', value: '1' }).execute(), () => 21 * 2);
    expect(inserted).toHaveLength(1);
    expect(doubled).toBe(42);

    await expect(
      d.db.transaction().execute(async (trx) => {
        let settled = false;
        const statement = trx
          .insertInto('meta')
          .values({ key: 'b', value: '2' })
          .execute()
          .finally(() => (settled = true));
        await whileRunning(statement, () => {
          throw new Error(`work failed; statement settled: ${settled}`);
        }).catch((err: Error) => {
          // Passed on once the statement is done: the rollback that follows comes after it.
          expect(settled).toBe(true);
          throw err;
        });
      }),
    ).rejects.toThrow('work failed; statement settled: false');
    expect(await d.db.selectFrom('meta').select('key').where('key', 'in', ['a', 'b']).execute()).toEqual([{ key: 'a' }]);

    // A failed statement is reported even when the work succeeds.
    await expect(whileRunning(d.db.insertInto('meta').values({ key: 'a', value: 'again' }).execute(), () => 1)).rejects.toThrow(/UNIQUE/);
  });
});
