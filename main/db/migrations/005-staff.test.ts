import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../auth/testing';
import { openDatabase, type Database } from '../database';
import { schemaVersion } from '../../../platform/db/migrator';
import { migrations } from './index';

let d: Database | null = null;
let dir: string;
afterEach(async () => {
  await d?.close();
  d = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('migration 005 (staff, lockout, retention log)', () => {
  it('upgrades a version-4 database with data in it, keeping that data', async () => {
    dir = tempDir('yc-m005-');
    d = await openDatabase(dir, { migrations: migrations.filter((m) => m.version <= 4) });
    expect(await schemaVersion(d.db)).toBe(4);
    await d.db.insertInto('meta').values({ key: 'keep', value: 'me' }).execute();
    await d.close();
    d = await openDatabase(dir);
    expect(await schemaVersion(d.db)).toBe(migrations.length);
    expect((await d.db.selectFrom('meta').select('value').where('key', '=', 'keep').executeTakeFirstOrThrow()).value).toBe('me');
    await d.db.insertInto('staff').values({ staff_id: 'a', name: '甲', roles: '["clerk"]', password_hash: null, password_changed_at: null, must_change_password: 0, active: 1, source: 'central', roster_version: null, updated_at: 'now' }).execute();
    await expect(
      d.db.insertInto('staff').values({ staff_id: 'b', name: '乙', roles: '[]', password_hash: null, password_changed_at: null, must_change_password: 0, active: 1, source: 'bogus' as 'central', roster_version: null, updated_at: 'now' }).execute(),
    ).rejects.toThrow(/CHECK/);
    expect(await d.db.selectFrom('staff_lockout').selectAll().execute()).toEqual([]);
    expect(await d.db.selectFrom('retention_purge').selectAll().execute()).toEqual([]);
  });
});
