import { describe, expect, it } from 'vitest';
import { upgradedWithAcceptedCase, upgradeFolder } from './testing';

const folder = upgradeFolder('yc-m015-');

describe('migration 015 (出件: case results and handovers)', () => {
  it('upgrades a version-10 database with a case: the case keeps its data, has no result, and takes one handover that keeps to its rules', async () => {
    const d = await upgradedWithAcceptedCase(folder, 10);
    expect(await d.db.selectFrom('case_result').selectAll().execute()).toEqual([]);

    const result = { case_id: 'c1', outcome: 'approved' as const, items: '[]', delivery: 'window' as const, note: null, central_at: 'now', cursor: 1 };
    await expect(d.db.insertInto('case_result').values({ ...result, ready: 1, ready_at: null }).execute()).rejects.toThrow(/CHECK/);
    await d.db.insertInto('case_result').values({ ...result, ready: 1, ready_at: 'now' }).execute();

    const h = { case_id: 'c1', at: 'now', clerk_id: 'clerk01', clerk_name: '王小明', override_reason: null, collector_id_hash: null, carrier: null, tracking_number: null };
    // A window handover names who collected; a post has carrier and tracking; an override has its reason.
    await expect(d.db.insertInto('case_handover').values({ ...h, id: 'h1', method: 'window', collector: null }).execute()).rejects.toThrow(/CHECK/);
    await expect(d.db.insertInto('case_handover').values({ ...h, id: 'h2', method: 'post', collector: null }).execute()).rejects.toThrow(/CHECK/);
    await expect(d.db.insertInto('case_handover').values({ ...h, id: 'h3', method: 'window', collector: 'override' }).execute()).rejects.toThrow(/CHECK/);
    await d.db.insertInto('case_handover').values({ ...h, id: 'h4', method: 'window', collector: 'applicant' }).execute();
    // One handover per case.
    await expect(d.db.insertInto('case_handover').values({ ...h, id: 'h5', method: 'post', collector: null, carrier: 'EMS', tracking_number: 'EL1' }).execute()).rejects.toThrow(/UNIQUE/);
  });
});
