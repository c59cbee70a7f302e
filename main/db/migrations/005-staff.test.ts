import { describe, expect, it } from 'vitest';
import { schemaVersion, latestVersion } from '../../../platform/db/migrator';
import { migrations } from './index';
import { upgradeFolder } from './testing';

const folder = upgradeFolder('yc-m005-');

describe('migration 005 (staff, lockout, retention log)', () => {
  it('upgrades a version-4 database with data in it, keeping that data', async () => {
    let d = await folder.open(4);
    expect(await schemaVersion(d.db)).toBe(4);
    await d.db.insertInto('meta').values({ key: 'keep', value: 'me' }).execute();
    d = await folder.open();
    expect(await schemaVersion(d.db)).toBe(latestVersion(migrations));
    expect((await d.db.selectFrom('meta').select('value').where('key', '=', 'keep').executeTakeFirstOrThrow()).value).toBe('me');
    await d.db.insertInto('staff').values({ staff_id: 'a', name: '甲', roles: '["clerk"]', password_hash: null, password_changed_at: null, must_change_password: 0, active: 1, source: 'central', roster_version: null, updated_at: 'now' }).execute();
    await expect(
      d.db.insertInto('staff').values({ staff_id: 'b', name: '乙', roles: '[]', password_hash: null, password_changed_at: null, must_change_password: 0, active: 1, source: 'bogus' as 'central', roster_version: null, updated_at: 'now' }).execute(),
    ).rejects.toThrow(/CHECK/);
    expect(await d.db.selectFrom('staff_lockout').selectAll().execute()).toEqual([]);
    expect(await d.db.selectFrom('retention_purge').selectAll().execute()).toEqual([]);
  });
});
