import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../platform/db/migrator';
import { upgradeFolder } from './testing';

const folder = upgradeFolder('yc-m007-');

describe('migration 007 (bundle key index)', () => {
  it('upgrades a version-6 database with a case in it, and bundle look-ups use the index', async () => {
    let d = await folder.open(6);
    expect(await schemaVersion(d.db)).toBe(6);
    await sql`insert into intake_case (id, case_number, status, item_code, item_name, promised_limit_value, promised_limit_unit, bundle_id, bundle_group_id, hall_code, window_code, clerk_id, clerk_name, created_at, updated_at, catalog_version)
      values ('c1', 'H-W-20260929-0001', 'accepted', 'I1', '事项', 1, 'workday', 'birth', 'k1', 'H', 'W', 'clerk', '王', 'now', 'now', 1)`.execute(d.db);
    d = await folder.open();
    expect(await schemaVersion(d.db)).toBe(7);
    expect((await d.db.selectFrom('intake_case').select('id').where('bundle_group_id', '=', 'k1').execute()).map((r) => r.id)).toEqual(['c1']);
    const plan = await sql<{ detail: string }>`explain query plan select id from intake_case where bundle_group_id = ${'k1'}`.execute(d.db);
    expect(plan.rows.map((r) => r.detail).join(' ')).toContain('intake_case_bundle_group');
  });
});
