import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { upgradedWithAcceptedCase, upgradeFolder } from './testing';

const folder = upgradeFolder('yc-m020-');

describe('migration 020 (single-item decision key)', () => {
  it('upgrades a version-15 database with a case: the case keeps its data with no key, and a key can be held by one case only', async () => {
    const d = await upgradedWithAcceptedCase(folder, 15);
    expect(await d.db.selectFrom('intake_case').select('decision_key').executeTakeFirstOrThrow()).toEqual({ decision_key: null });
    const copy = (id: string, key: string | null) =>
      sql`insert into intake_case (id, case_number, status, item_code, item_name, promised_limit_value, promised_limit_unit, hall_code, window_code, clerk_id, clerk_name, created_at, updated_at, catalog_version, decision_key)
        select ${id}, null, 'draft', item_code, item_name, promised_limit_value, promised_limit_unit, hall_code, window_code, clerk_id, clerk_name, created_at, updated_at, catalog_version, ${key} from intake_case where id = 'c1'`.execute(d.db);
    // Many cases without a key (drafts, bundles, older cases), one case per key.
    await copy('c2', null);
    await copy('c3', null);
    await copy('c4', 'k1');
    await expect(copy('c5', 'k1')).rejects.toThrow(/UNIQUE/);
    const plan = await sql<{ detail: string }>`explain query plan select id from intake_case where decision_key = ${'k1'}`.execute(d.db);
    expect(plan.rows.map((r) => r.detail).join(' ')).toContain('intake_case_decision_key');
  });
});
