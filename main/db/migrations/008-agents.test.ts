import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../platform/db/migrator';
import type { Database } from '../database';
import { upgradeFolder } from './testing';

const folder = upgradeFolder('yc-m008-');

const insertCase = (db: Database['db'], id: string, kind: string | null, idType: string | null) =>
  sql`insert into intake_case (id, case_number, status, item_code, item_name, promised_limit_value, promised_limit_unit, hall_code, window_code,
      clerk_id, clerk_name, applicant_kind, applicant_id_type, applicant_name_sealed, created_at, updated_at, catalog_version)
    values (${id}, ${`H-W-20260101-${id}`}, 'accepted', 'C1', 'n', 0, 'immediate', 'H', 'W', 'c', 'c', ${kind}, ${idType}, 'v1.sealed', 'x', 'x', 1)`.execute(db);

describe('migration 008 (certificate-type codes, agents)', () => {
  it('upgrades a version-7 database with cases, giving each person applicant its code, and adds the agent table', async () => {
    let d = await folder.open(7);
    expect(await schemaVersion(d.db)).toBe(7);
    await insertCase(d.db, '0001', 'person', 'resident');
    await insertCase(d.db, '0002', 'person', 'foreigner');
    await insertCase(d.db, '0003', 'person', 'permit');
    await insertCase(d.db, '0004', 'person', 'other');
    await insertCase(d.db, '0005', 'enterprise', null);
    await insertCase(d.db, '0006', null, null); // a draft without an applicant

    d = await folder.open(8);
    expect(await schemaVersion(d.db)).toBe(8);
    const rows = await d.db.selectFrom('intake_case').select(['id', 'applicant_id_type', 'applicant_cert_type', 'applicant_name_sealed']).orderBy('id').execute();
    expect(rows.map((r) => [r.id, r.applicant_id_type, r.applicant_cert_type])).toEqual([
      ['0001', 'resident', '111'],
      ['0002', 'foreigner', '553'],
      ['0003', 'permit', '990'],
      ['0004', 'other', '990'],
      ['0005', null, null],
      ['0006', null, null],
    ]);
    expect(rows.every((r) => r.applicant_name_sealed === 'v1.sealed')).toBe(true);

    const agent = { relation: 'proxy', cert_type: '111', name_sealed: 'n', name_hash: 'nh', id_sealed: 'i', id_hash: 'ih', phone_sealed: null };
    await d.db.insertInto('case_agent').values({ case_id: '0001', ...agent }).execute();
    await expect(d.db.insertInto('case_agent').values({ case_id: '0001', ...agent }).execute()).rejects.toThrow(/UNIQUE|PRIMARY/);
    await expect(d.db.insertInto('case_agent').values({ case_id: 'no-such-case', ...agent }).execute()).rejects.toThrow(/FOREIGN KEY/);
    await d.db.deleteFrom('intake_case').where('id', '=', '0001').execute();
    expect(await d.db.selectFrom('case_agent').selectAll().execute()).toEqual([]);
  });
});
