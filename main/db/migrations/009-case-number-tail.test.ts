import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../platform/db/migrator';
import { CASE_NUMBER_TAIL } from './009-case-number-tail';
import { upgradeFolder } from './testing';

const folder = upgradeFolder('yc-m009-');

const kase = (id: string, caseNumber: string | null, status: 'accepted' | 'draft' = 'accepted') => ({
  id, case_number: caseNumber, central_number: null, status, central_status: null, item_code: 'C1', item_name: '出生登记',
  promised_limit_value: 0, promised_limit_unit: 'immediate', bundle_id: null, bundle_group_id: null, hall_code: 'HK01', window_code: 'W03', clerk_id: 'c', clerk_name: '甲',
  applicant_kind: null, applicant_id_type: null, applicant_name_sealed: null, applicant_name_hash: null, applicant_id_sealed: null, applicant_id_hash: null,
  applicant_phone_sealed: null, applicant_address_sealed: null, uscc: null, legal_rep_name_sealed: null, legal_rep_id_sealed: null, legal_rep_id_hash: null,
  credit_check: 'not_checked' as const, created_at: '2026-12-01T01:00:00Z', updated_at: '2026-12-01T01:00:00Z', accepted_at: null, decided_at: null, promised_date: null,
  promised_provisional: 0, reject_reason: null, withdraw_reason: null, commitment_note: null, note: null, catalog_version: 1,
});

describe('migration 009 (case-number tail index)', () => {
  it('upgrades a version-8 database holding cases; their date and sequence are then found through the index', async () => {
    let d = await folder.open(8);
    expect(await schemaVersion(d.db)).toBe(8);
    await d.db
      .insertInto('intake_case')
      .values([kase('1', 'HK01-W03-20261201-0001'), kase('2', 'LOCAL-WAB2345-20261201-10000'), kase('3', null, 'draft')])
      .execute();
    d = await folder.open(9);
    expect(await schemaVersion(d.db)).toBe(9);
    const tails = await sql<{ id: string; tail: string | null }>`select id, ${sql.raw(CASE_NUMBER_TAIL)} as tail from intake_case order by id`.execute(d.db);
    expect(tails.rows).toEqual([{ id: '1', tail: '20261201-0001' }, { id: '2', tail: '20261201-10000' }, { id: '3', tail: null }]);
    const q = sql.raw(`select id from intake_case where ${CASE_NUMBER_TAIL} = '20261201-0001'`);
    expect((await q.execute(d.db)).rows).toEqual([{ id: '1' }]);
    const { rows } = await sql<{ detail: string }>`explain query plan ${q}`.execute(d.db);
    expect(rows.map((r) => r.detail).join(' ')).toMatch(/USING INDEX intake_case_number_tail/);
  });
});
