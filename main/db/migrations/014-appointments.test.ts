import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { latestVersion, schemaVersion } from '../../../platform/db/migrator';
import { migrations } from './index';
import { upgradeFolder } from './testing';

const folder = upgradeFolder('yc-m014-');

describe('migration 014 (appointments)', () => {
  it('upgrades a version-13 database with a case in it: the case keeps its data with no appointment, and appointments can be stored once per code', async () => {
    let d = await folder.open(13);
    expect(await schemaVersion(d.db)).toBe(13);
    await sql`insert into intake_case (id, case_number, status, item_code, item_name, promised_limit_value, promised_limit_unit, hall_code, window_code,
      clerk_id, clerk_name, created_at, updated_at, catalog_version) values ('c1', 'HK01-W03-20261201-0001', 'accepted', 'X1', '事项', 3, 'workday',
      'HK01', 'W03', 'clerk01', '王小明', '2026-12-01T01:00:00Z', '2026-12-01T01:00:00Z', 1)`.execute(d.db);
    d = await folder.open();
    expect(await schemaVersion(d.db)).toBe(latestVersion(migrations));
    expect(await d.db.selectFrom('intake_case').select(['case_number', 'clerk_name', 'appointment_id']).executeTakeFirstOrThrow()).toEqual({
      case_number: 'HK01-W03-20261201-0001',
      clerk_name: '王小明',
      appointment_id: null,
    });
    const row = {
      code: 'YY20261201000001', hall_code: 'HK01', window_code: null, item_code: 'X1', item_name: '事项', date: '2026-12-01', slot_start: '09:00', slot_end: '09:30',
      cert_type: '111', name_sealed: 'v1.a', id_sealed: 'v1.b', id_hash: 'h', phone_sealed: null, status: 'booked' as const, central_status: 'booked',
      checked_in_at: null, checked_in_by: null, case_id: null, central_cursor: 1, updated_at: 'now',
    };
    await d.db.insertInto('appointment').values({ id: 'a1', ...row }).execute();
    await expect(d.db.insertInto('appointment').values({ id: 'a2', ...row }).execute()).rejects.toThrow(/UNIQUE/);
    await expect(d.db.insertInto('appointment').values({ id: 'a3', ...row, code: 'YY2', status: 'lost' as never }).execute()).rejects.toThrow(/CHECK/);
  });
});
