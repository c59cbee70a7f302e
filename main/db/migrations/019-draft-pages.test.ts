import { describe, expect, it } from 'vitest';
import { upgradedWithAcceptedCase, upgradeFolder } from './testing';

const folder = upgradeFolder('yc-m019-');

describe('migration 019 (staged pages held by a saved draft)', () => {
  it('upgrades a version-15 database with a case: the case keeps its data, holds no pages, and takes one hold that names a real case', async () => {
    const d = await upgradedWithAcceptedCase(folder, 15);
    expect(await d.db.selectFrom('case_draft_pages').selectAll().execute()).toEqual([]);
    const hold = { case_id: 'c1', draft_id: '0192f7a0-0000-7000-8000-000000000001', held_at: '2026-12-02T00:00:00Z' };
    await d.db.insertInto('case_draft_pages').values(hold).execute();
    // One hold per case; a hold names an existing case (foreign keys are on).
    await expect(d.db.insertInto('case_draft_pages').values(hold).execute()).rejects.toThrow(/UNIQUE|PRIMARY/);
    await expect(d.db.insertInto('case_draft_pages').values({ ...hold, case_id: 'nope' }).execute()).rejects.toThrow(/FOREIGN/);
    expect(await d.db.selectFrom('case_draft_pages').selectAll().execute()).toEqual([hold]);
  });
});
