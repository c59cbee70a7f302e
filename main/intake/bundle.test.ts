import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withIdCheckChar } from '../../common/domain/id-number';
import { storedPayloads } from '../../common/sync/entries';
import { openTestStack, type TestStack } from './testing';

let s: TestStack;
beforeEach(async () => {
  s = await openTestStack();
});
afterEach(async () => s.close());

const person = { kind: 'person' as const, idType: 'resident' as const, idNumber: withIdCheckChar('46010219900101002'), name: '符海燕' };
// 失业一件事 with these answers selects four items, three of them with materials that allow 容缺.
const ANSWERS = { insured_year: 'yes', hardship: 'yes', extras: [] };

type State = 'received' | 'deferred';
async function plans(state: (m: { required: boolean; deferrable: boolean }) => State = () => 'received') {
  const b = await s.catalog.bundle('unemployment', ANSWERS);
  return Promise.all(b.items.map(async (i) => ({ itemCode: i.code, materials: (await s.catalog.materials(i.code)).map((m) => ({ code: m.code, state: state(m) })) })));
}
const bundle = async (key = uuidv7()) => ({ key, bundleId: 'unemployment', applicant: person, plans: await plans() });

async function counts() {
  const n = async (t: 'intake_case' | 'case_material' | 'outbox' | 'audit_log' | 'case_history' | 'case_sequence') =>
    Number((await s.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { cases: await n('intake_case'), materials: await n('case_material'), outbox: await n('outbox'), audit: await n('audit_log'), history: await n('case_history'), sequences: await n('case_sequence') };
}

/** Makes every insert of this item's case fail inside the transaction, as a full disk or a bug would. */
async function failInsertsOf(itemCode: string) {
  await sql.raw(`create trigger fail_plan before insert on intake_case when new.item_code = '${itemCode}' begin select raise(abort, 'forced failure'); end`).execute(s.db);
  return () => sql`drop trigger fail_plan`.execute(s.db);
}

describe('一件事: one transaction, idempotent on the window key', () => {
  it('accepts every plan together: one case and one outbox row each, the key as shared group id, audit entries', async () => {
    const input = await bundle();
    const r = await s.intake.acceptBundle(input, s.actor);
    const n = input.plans.length;
    expect(n).toBe(4);
    expect(r).toMatchObject({ bundleGroupId: input.key, replayed: false });
    expect(r.cases.map((c) => c.itemCode)).toEqual(input.plans.map((p) => p.itemCode));
    expect(r.cases.map((c) => c.caseNumber)).toEqual([1, 2, 3, 4].map((i) => `HK01-W03-20260929-000${i}`));
    expect(await counts()).toMatchObject({ cases: n, outbox: n, history: n, audit: n + 1 });
    const rows = await s.db.selectFrom('intake_case').select(['id', 'bundle_id', 'bundle_group_id', 'status']).execute();
    expect(new Set(rows.map((c) => `${c.bundle_id}/${c.bundle_group_id}/${c.status}`))).toEqual(new Set([`unemployment/${input.key}/accepted`]));
    // The central platform receives each case once, each with the shared group id.
    const outbox = await s.db.selectFrom('outbox').selectAll().orderBy('seq').execute();
    expect(outbox.map((o) => o.aggregate_id)).toEqual(r.cases.map((c) => c.caseId));
    expect(outbox.map((o) => JSON.parse(o.payload).case.bundleGroupId)).toEqual(r.cases.map(() => input.key));
    // Typed, versioned entries of the sync contract, not the old untyped 'case' kind.
    expect(outbox.map((o) => o.kind)).toEqual(r.cases.map(() => 'case.accepted'));
    expect(outbox.every((o) => storedPayloads['case.accepted'].safeParse(JSON.parse(o.payload)).success)).toBe(true);
    const audit = await s.db.selectFrom('audit_log').select(['action', 'subject']).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual([...r.cases.map(() => 'case.accept'), 'case.acceptBundle']);
    expect(audit.at(-1)!.subject).toBe(input.key);
  });

  it('a plan that fails inside the transaction rolls back the others; a retry with the same key makes exactly N cases', async () => {
    const input = await bundle();
    const restore = await failInsertsOf(input.plans[1]!.itemCode);
    await expect(s.intake.acceptBundle(input, s.actor)).rejects.toThrow(/forced failure/);
    expect(await counts()).toEqual({ cases: 0, materials: 0, outbox: 0, audit: 0, history: 0, sequences: 0 });
    await restore();
    const r = await s.intake.acceptBundle(input, s.actor);
    expect(r.replayed).toBe(false);
    expect(await counts()).toMatchObject({ cases: input.plans.length, outbox: input.plans.length });
    // No number was used up by the failed attempt.
    expect(r.cases[0]!.caseNumber).toBe('HK01-W03-20260929-0001');
  });

  it('a plan with a material of another item writes nothing; corrected, the same key goes through', async () => {
    const input = await bundle();
    const bad = { ...input, plans: input.plans.map((p, i) => (i === 1 ? { ...p, materials: [...p.materials, { code: 'M99', state: 'received' as const }] } : p)) };
    await expect(s.intake.acceptBundle(bad, s.actor)).rejects.toThrow(/M99 不属于该事项/);
    expect(await counts()).toMatchObject({ cases: 0, outbox: 0, audit: 0 });
    expect((await s.intake.acceptBundle(input, s.actor)).cases).toHaveLength(input.plans.length);
  });

  it('a retry with the same key returns the same cases, never new ones (one after the other, and two at once)', async () => {
    const input = await bundle();
    const first = await s.intake.acceptBundle(input, s.actor);
    const again = await s.intake.acceptBundle(input, s.actor);
    expect(again.replayed).toBe(true);
    expect(again.cases).toEqual(first.cases);
    expect(await counts()).toMatchObject({ cases: 4, outbox: 4, audit: 5 });

    const other = await bundle();
    const both = await Promise.all([s.intake.acceptBundle(other, s.actor), s.intake.acceptBundle(other, s.actor)]);
    expect(both.map((b) => b.replayed).sort()).toEqual([false, true]);
    expect(both[0]!.cases.map((c) => c.caseNumber)).toEqual(both[1]!.cases.map((c) => c.caseNumber));
    expect(await counts()).toMatchObject({ cases: 8, outbox: 8, audit: 10 });
  });

  it('refuses a key already used for other items or for the other decision, and its cases stand', async () => {
    const input = await bundle();
    const first = await s.intake.acceptBundle(input, s.actor);
    await expect(s.intake.acceptBundle({ ...input, plans: input.plans.slice(1) }, s.actor)).rejects.toThrow(/已经办理过（办件号 HK01-W03-20260929-0001、.*事项与本次提交的不同/);
    await expect(s.intake.rejectBundle({ ...input, reason: '材料不全' }, s.actor)).rejects.toThrow(/已经受理.*不能再不予受理/);
    expect(await counts()).toMatchObject({ cases: first.cases.length, outbox: first.cases.length });
  });

  it('takes 容缺 only for the plans that defer a material, with the commitment on each of them', async () => {
    const input = { ...(await bundle()), plans: await plans((m) => (m.deferrable ? 'deferred' : 'received')) };
    const r = await s.intake.acceptBundle({ ...input, deferred: { commitmentNote: '五个工作日内补齐', deadlineWorkdays: 5 } }, s.actor);
    const deferring = input.plans.map((p) => p.materials.some((m) => m.state === 'deferred'));
    expect(deferring.filter(Boolean).length).toBeGreaterThan(0);
    expect(deferring.filter((d) => !d).length).toBeGreaterThan(0);
    expect(r.cases.map((c) => c.status)).toEqual(deferring.map((d) => (d ? 'accepted_deferred' : 'accepted')));
    expect(r.cases.filter((c) => c.deferred.length).every((c) => c.deferred.every((d) => d.deadline === '2026-10-12' && d.commitmentNote === '五个工作日内补齐'))).toBe(true);
    // Without the commitment, a deferred material is refused for the whole bundle.
    await expect(s.intake.acceptBundle({ ...input, key: uuidv7() }, s.actor)).rejects.toThrow(/容缺/);
    expect(await counts()).toMatchObject({ cases: input.plans.length });
  });

  it('rejects a bundle saved as a draft: every plan rejected in one go, the draft becomes the first case', async () => {
    const input = await bundle();
    const draft = await s.intake.saveDraft({ itemCode: input.plans[0]!.itemCode, applicant: person, materials: [] }, s.actor);
    const r = await s.intake.rejectBundle({ ...input, caseId: draft.caseId, reason: '申请人不符合失业登记条件' }, s.actor);
    expect(r.cases.map((c) => c.status)).toEqual(input.plans.map(() => 'rejected'));
    expect(r.cases[0]!.caseId).toBe(draft.caseId);
    const rows = await s.db.selectFrom('intake_case').select(['bundle_group_id', 'reject_reason']).execute();
    expect(rows).toHaveLength(input.plans.length);
    expect(rows.every((c) => c.bundle_group_id === input.key && c.reject_reason === '申请人不符合失业登记条件')).toBe(true);
    expect(await counts()).toMatchObject({ outbox: input.plans.length });
    expect((await s.db.selectFrom('outbox').select('kind').execute()).map((o) => o.kind)).toEqual(input.plans.map(() => 'case.rejected'));
    const again = await s.intake.rejectBundle({ ...input, caseId: draft.caseId, reason: '申请人不符合失业登记条件' }, s.actor);
    expect(again).toMatchObject({ replayed: true, cases: r.cases });
  });
});
