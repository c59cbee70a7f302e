import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { upgradedWithAcceptedCase, upgradeFolder } from './testing';

const folder = upgradeFolder('yc-m017-');

describe('migration 017 (index of the cases still holding applicant data)', () => {
  it('upgrades a version-15 database with a case; the index holds only cases with sealed applicant data', async () => {
    const d = await upgradedWithAcceptedCase(folder, 15);
    // The test case holds no sealed data: not in the index. Sealing its name puts it in.
    const inIndex = async () => (await sql<{ n: number }>`select count(*) as n from intake_case indexed by intake_case_pii_held where applicant_name_sealed is not null or applicant_id_sealed is not null or applicant_phone_sealed is not null or applicant_address_sealed is not null or legal_rep_name_sealed is not null or legal_rep_id_sealed is not null`.execute(d.db)).rows[0]!.n;
    expect(await inIndex()).toBe(0);
    await d.db.updateTable('intake_case').set({ applicant_name_sealed: 'v1.aes256gcm.name' }).where('id', '=', 'c1').execute();
    expect(await inIndex()).toBe(1);
  });
});
