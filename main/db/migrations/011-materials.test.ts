import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { upgradedWithAcceptedCase, upgradeFolder } from './testing';

const folder = upgradeFolder('yc-m011-');

describe('migration 011 (materials)', () => {
  it('upgrades a version-10 database with a case: the case is kept, without files, and files then link to it once per hash', async () => {
    const d = await upgradedWithAcceptedCase(folder, 10);
    expect(await d.db.selectFrom('case_material_file').selectAll().execute()).toEqual([]);
    const sha = 'ab'.repeat(32);
    await d.db.insertInto('material_blob').values({ sha256: sha, size: 10, sealed_size: 40, pages: 1, created_at: 'now', uploaded_at: null, local_deleted_at: null }).execute();
    expect((await d.db.selectFrom('material_blob').select('upload_state').executeTakeFirstOrThrow()).upload_state).toBe('pending');
    const link = { case_id: 'c1', material_code: 'm1', sha256: sha, pages: 1, size: 10, via: 'intake' as const, linked_at: 'now', clerk_id: 'clerk01' };
    await d.db.insertInto('case_material_file').values(link).execute();
    await expect(d.db.insertInto('case_material_file').values(link).execute()).rejects.toThrow(/UNIQUE|PRIMARY/);
    await sql`pragma foreign_keys = on`.execute(d.db);
    await expect(d.db.insertInto('case_material_file').values({ ...link, sha256: 'cd'.repeat(32) }).execute()).rejects.toThrow(/FOREIGN KEY/);
    await expect(d.db.updateTable('material_blob').set({ upload_state: 'sent' as 'uploaded' }).execute()).rejects.toThrow(/CHECK/);
  });
});
