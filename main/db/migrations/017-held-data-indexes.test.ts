import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { upgradedWithAcceptedCase, upgradeFolder } from './testing';

const folder = upgradeFolder('yc-m017-');

describe('migration 017 (indexes of the cases still holding applicant data and of the material copies still held)', () => {
  it('upgrades a version-15 database with a case; the index holds only cases with sealed applicant data', async () => {
    const d = await upgradedWithAcceptedCase(folder, 15);
    // The test case holds no sealed data: not in the index. Sealing its name puts it in.
    const inIndex = async () => (await sql<{ n: number }>`select count(*) as n from intake_case indexed by intake_case_pii_held where applicant_name_sealed is not null or applicant_id_sealed is not null or applicant_phone_sealed is not null or applicant_address_sealed is not null or legal_rep_name_sealed is not null or legal_rep_id_sealed is not null`.execute(d.db)).rows[0]!.n;
    expect(await inIndex()).toBe(0);
    await d.db.updateTable('intake_case').set({ applicant_name_sealed: 'v1.aes256gcm.name' }).where('id', '=', 'c1').execute();
    expect(await inIndex()).toBe(1);

    const blob = { size: 1, sealed_size: 45, pages: 1, created_at: 'now', upload_state: 'uploaded' as const, uploaded_at: 'now' };
    await d.db.insertInto('material_blob').values([{ ...blob, sha256: 'held', local_deleted_at: null }, { ...blob, sha256: 'dropped', local_deleted_at: 'now' }]).execute();
    const held = await sql<{ sha256: string }>`select sha256 from material_blob indexed by material_blob_held where local_deleted_at is null and upload_state = 'uploaded'`.execute(d.db);
    expect(held.rows).toEqual([{ sha256: 'held' }]);
  });
});
