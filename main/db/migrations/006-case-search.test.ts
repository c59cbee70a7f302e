import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../platform/db/migrator';
import { upgradeFolder } from './testing';

const folder = upgradeFolder('yc-m006-');

const kase = (id: string, central: string | null) => ({
  id, case_number: `HK01-W03-20261201-000${id}`, central_number: central, status: 'accepted' as const, central_status: null, item_code: 'C1', item_name: '出生登记',
  promised_limit_value: 0, promised_limit_unit: 'immediate', bundle_id: null, bundle_group_id: null, hall_code: 'HK01', window_code: 'W03', clerk_id: 'c', clerk_name: '甲',
  applicant_kind: null, applicant_id_type: null, applicant_name_sealed: null, applicant_name_hash: null, applicant_id_sealed: null, applicant_id_hash: null,
  applicant_phone_sealed: null, applicant_address_sealed: null, uscc: null, legal_rep_name_sealed: null, legal_rep_id_sealed: null, legal_rep_id_hash: null,
  credit_check: 'not_checked' as const, created_at: '2026-12-01T01:00:00Z', updated_at: '2026-12-01T01:00:00Z', accepted_at: null, decided_at: null, promised_date: null,
  promised_provisional: 0, reject_reason: null, withdraw_reason: null, commitment_note: null, note: null, catalog_version: 1,
});

describe('migration 006 (case search index)', () => {
  it('upgrades a version-5 database holding cases, which are then found by central number through the index', async () => {
    let d = await folder.open(5);
    expect(await schemaVersion(d.db)).toBe(5);
    await d.db.insertInto('intake_case').values([kase('1', 'SW1'), kase('2', null)]).execute();
    d = await folder.open(6);
    expect(await schemaVersion(d.db)).toBe(6);
    expect((await d.db.selectFrom('intake_case').select('id').where('central_number', '=', 'SW1').execute()).map((r) => r.id)).toEqual(['1']);
    expect(await d.db.selectFrom('intake_case').select('id').orderBy('id').execute()).toEqual([{ id: '1' }, { id: '2' }]);
    const { rows } = await sql<{ detail: string }>`explain query plan select id from intake_case where central_number = 'SW1'`.execute(d.db);
    expect(rows.map((r) => r.detail).join(' ')).toMatch(/USING (COVERING )?INDEX intake_case_central_number/);
  });
});
