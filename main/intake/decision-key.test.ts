import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { itemCode, openTestStack, putSampleCard, samplePerson, type TestStack } from './testing';

let s: TestStack;
beforeEach(async () => {
  s = await openTestStack();
});
afterEach(async () => s?.close());

async function counts(stack = s) {
  const n = async (t: 'intake_case' | 'case_material' | 'outbox' | 'audit_log' | 'case_history' | 'case_sequence') =>
    Number((await stack.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { cases: await n('intake_case'), materials: await n('case_material'), outbox: await n('outbox'), audit: await n('audit_log'), history: await n('case_history') };
}

/** A single-item accept of 失业保险金申领 with every material received, under a fresh key. */
async function acceptInput(stack = s, key = uuidv7()) {
  const code = itemCode(stack, '失业保险金申领');
  const materials = (await stack.catalog.materials(code)).map((m) => ({ code: m.code, state: 'received' as const }));
  return { key, itemCode: code, applicant: samplePerson, materials };
}

describe('single-item decisions: idempotent on the window key', () => {
  it('a retried accept returns the first case and writes nothing more', async () => {
    const input = await acceptInput();
    const first = await s.intake.accept(input, s.actor);
    const after = await counts();
    expect(after).toMatchObject({ cases: 1, outbox: 1, audit: 1, history: 1 });
    const again = await s.intake.accept(input, s.actor);
    expect(again).toEqual(first);
    expect(await counts()).toEqual(after);
    // Another attempt (another key) is another case, with the next number.
    expect((await s.intake.accept({ ...input, key: uuidv7() }, s.actor)).caseNumber).toBe('HK01-W03-20260929-0002');
    // Without a key (the CLI, scripts) nothing changes: each call decides.
    const { key: _, ...keyless } = input;
    await s.intake.accept(keyless, s.actor);
    await s.intake.accept(keyless, s.actor);
    expect(await counts()).toMatchObject({ cases: 4, outbox: 4 });
  });

  it('two identical calls at once write one case, and both get its number', async () => {
    const input = await acceptInput();
    const both = await Promise.all([s.intake.accept(input, s.actor), s.intake.accept(input, s.actor), s.intake.accept(input, s.actor)]);
    expect(new Set(both.map((r) => r.caseNumber))).toEqual(new Set(['HK01-W03-20260929-0001']));
    expect(both[1]).toEqual(both[0]);
    expect(await counts()).toMatchObject({ cases: 1, outbox: 1, audit: 1, history: 1 });
    // The failed inserts used up no number.
    expect((await s.intake.accept({ ...input, key: uuidv7() }, s.actor)).caseNumber).toBe('HK01-W03-20260929-0002');
  });

  it('after a restart the retry returns the first result, even though the card it was read from is gone', async () => {
    const token = putSampleCard(s);
    const input = { ...(await acceptInput()), applicant: { kind: 'person' as const, idType: 'resident' as const, cardToken: token } };
    const first = await s.intake.accept(input, s.actor);
    const dir = s.dir;
    await s.close(true);
    // The restarted window: a new process with the same data folder and no card tokens in memory.
    s = await openTestStack({ dir });
    const again = await s.intake.accept(input, s.actor);
    expect(again).toEqual(first);
    expect(await counts()).toMatchObject({ cases: 1, outbox: 1, audit: 1 });
    // A new attempt with the vanished card still gets the card's error, not someone else's case.
    await expect(s.intake.accept({ ...input, key: uuidv7() }, s.actor)).rejects.toThrow(/重新读取/);
  });

  it('a draft decided with a key: the retry finds it decided and returns it instead of refusing', async () => {
    const input = await acceptInput();
    const draft = await s.intake.saveDraft({ itemCode: input.itemCode, applicant: samplePerson, materials: [] }, s.actor);
    const first = await s.intake.accept({ ...input, caseId: draft.caseId }, s.actor);
    expect(first.caseId).toBe(draft.caseId);
    expect(await s.intake.accept({ ...input, caseId: draft.caseId }, s.actor)).toEqual(first);
    // Without the key, deciding it again is still refused.
    const { key: _, ...keyless } = input;
    await expect(s.intake.accept({ ...keyless, caseId: draft.caseId }, s.actor)).rejects.toThrow(/不能再受理/);
    expect(await counts()).toMatchObject({ cases: 1, outbox: 1, history: 2 });
  });

  it('容缺受理 and 不予受理 replay the same way', async () => {
    const code = itemCode(s, '失业保险金申领');
    const specs = await s.catalog.materials(code);
    expect(specs.some((m) => m.deferrable)).toBe(true);
    const deferred = {
      key: uuidv7(),
      itemCode: code,
      applicant: samplePerson,
      materials: specs.map((m) => ({ code: m.code, state: m.deferrable ? ('deferred' as const) : ('received' as const) })),
      commitmentNote: '五个工作日内补齐',
    };
    const d1 = await s.intake.acceptWithDeferred(deferred, s.actor);
    expect(d1.status).toBe('accepted_deferred');
    expect(await s.intake.acceptWithDeferred(deferred, s.actor)).toEqual(d1);
    const rejected = { ...(await acceptInput()), reason: '申请人不符合条件' };
    const r1 = await s.intake.reject(rejected, s.actor);
    expect(await s.intake.reject(rejected, s.actor)).toEqual(r1);
    expect(await counts()).toMatchObject({ cases: 2, outbox: 2 });
  });

  it('补齐 retried after a lost reply answers where the case stands and writes nothing; another supplement of it is refused', async () => {
    const code = itemCode(s, '失业保险金申领');
    const specs = await s.catalog.materials(code);
    const materials = specs.map((m) => ({ code: m.code, state: m.deferrable ? ('deferred' as const) : ('received' as const) }));
    const c = await s.intake.acceptWithDeferred({ itemCode: code, applicant: samplePerson, materials, commitmentNote: '五个工作日内补齐' }, s.actor);
    const [first, ...rest] = c.deferred;
    const supply = { caseId: c.caseId, materialCode: first!.code, via: 'received' as const };
    const once = await s.intake.supplement(supply, s.actor);
    expect(once).toEqual({ caseId: c.caseId, status: rest.length ? 'accepted_deferred' : 'accepted', outstanding: rest.length });
    const after = await counts();
    expect(await s.intake.supplement(supply, s.actor)).toEqual(once);
    expect(await counts()).toEqual(after);
    await expect(s.intake.supplement({ ...supply, via: 'licence', licenceId: 'L1' }, s.actor)).rejects.toThrow(/不是待补齐的容缺材料|没有待补齐/);
    for (const d of rest) await s.intake.supplement({ ...supply, materialCode: d.code }, s.actor);
    // Retried after the last one made the case accepted: still the answer, not an error.
    expect(await s.intake.supplement(supply, s.actor)).toEqual({ caseId: c.caseId, status: 'accepted', outstanding: 0 });
  });

  it('refuses a key already used for another item or the other decision, and its case stands', async () => {
    const input = await acceptInput();
    const first = await s.intake.accept(input, s.actor);
    await expect(s.intake.reject({ ...input, reason: '材料不全' }, s.actor)).rejects.toThrow(/HK01-W03-20260929-0001.*不能再不予受理/);
    const other = itemCode(s, '居住证申领');
    const materials = (await s.catalog.materials(other)).map((m) => ({ code: m.code, state: 'received' as const }));
    await expect(s.intake.accept({ ...input, itemCode: other, materials }, s.actor)).rejects.toThrow(/已经办理过（办件号 HK01-W03-20260929-0001）/);
    const rejected = { ...(await acceptInput()), reason: '申请人不符合条件' };
    await s.intake.reject(rejected, s.actor);
    await expect(s.intake.accept(rejected, s.actor)).rejects.toThrow(/已经不予受理.*不能再受理/);
    expect(await counts()).toMatchObject({ cases: 2, outbox: 2 });
    expect((await s.db.selectFrom('intake_case').select('status').where('id', '=', first.caseId).executeTakeFirstOrThrow()).status).toBe('accepted');
  });

  it('a first attempt refused for bad input leaves the key free: corrected, the same key goes through', async () => {
    const input = await acceptInput();
    await expect(s.intake.accept({ ...input, materials: [...input.materials, { code: 'M99', state: 'received' }] }, s.actor)).rejects.toThrow(/M99 不属于该事项/);
    expect(await counts()).toMatchObject({ cases: 0, outbox: 0, audit: 0 });
    expect((await s.intake.accept(input, s.actor)).caseNumber).toBe('HK01-W03-20260929-0001');
  });
});
