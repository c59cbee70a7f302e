import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withIdCheckChar } from '../../common/domain/id-number';
import { withUsccCheckChar } from '../../common/domain/uscc';
import { itemCode, openTestStack, putSampleCard, SAMPLE_ID, samplePerson, type TestStack } from './testing';

let s: TestStack;
beforeEach(async () => {
  s = await openTestStack();
});
afterEach(async () => s.close());

const ID = SAMPLE_ID;
const person = samplePerson;

async function counts() {
  const n = async (t: 'intake_case' | 'case_material' | 'outbox' | 'audit_log' | 'case_history') =>
    Number((await s.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { cases: await n('intake_case'), materials: await n('case_material'), outbox: await n('outbox'), audit: await n('audit_log'), history: await n('case_history') };
}

describe('intake: the four ways out of a draft', () => {
  it('accepts a draft: case number, promised date in working days, materials, audit and outbox together', async () => {
    const code = itemCode(s, '失业保险金申领'); // promised 3 working days
    const materials = (await s.catalog.materials(code)).map((m) => ({ code: m.code, state: 'received' as const }));
    const draft = await s.intake.saveDraft({ itemCode: code, applicant: { kind: 'person', idType: 'resident', name: '符' }, materials: [] }, s.actor);
    expect(await counts()).toMatchObject({ cases: 1, outbox: 0, audit: 1 });
    // 2026-09-29 (Tue) + 3 working days crosses Mid-autumn/National Day: 09-30, 10-08, 10-09.
    const r = await s.intake.accept({ caseId: draft.caseId, itemCode: code, applicant: person, materials }, s.actor);
    expect(r).toMatchObject({ caseId: draft.caseId, caseNumber: 'HK01-W03-20260929-0001', status: 'accepted', promisedDate: '2026-10-09', promisedProvisional: false });
    expect(await counts()).toMatchObject({ cases: 1, materials: materials.length, outbox: 1, audit: 2, history: 2 });
    const outbox = await s.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(outbox).toMatchObject({ kind: 'case.accepted', aggregate_id: draft.caseId, state: 'pending' });
    const payload = JSON.parse(outbox.payload);
    expect(payload.case).toMatchObject({ status: 'accepted', caseNumber: r.caseNumber });
    expect(outbox.payload).not.toContain(ID); // PII travels sealed
    expect(JSON.parse(s.pii.open(payload.applicantSealed)).idNumber).toBe(ID);
    const row = await s.db.selectFrom('intake_case').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(ID);
    expect(JSON.stringify(row)).not.toContain('符海燕');
    // A decided case cannot be decided again.
    await expect(s.intake.accept({ caseId: draft.caseId, itemCode: code, applicant: person, materials }, s.actor)).rejects.toThrow(/不能再受理/);
  });

  it('accepts with deferred materials: only where allowed, each with a supply deadline in working days', async () => {
    const code = itemCode(s, '失业保险金申领');
    const specs = await s.catalog.materials(code);
    const entries = specs.map((m) => ({ code: m.code, state: m.deferrable ? ('deferred' as const) : ('received' as const) }));
    // A non-deferrable material marked deferred is refused with its name.
    const idCard = specs.find((m) => !m.deferrable && m.required)!;
    await expect(
      s.intake.acceptWithDeferred({ itemCode: code, applicant: person, materials: entries.map((e) => (e.code === idCard.code ? { ...e, state: 'deferred' as const } : e)), commitmentNote: '承诺补齐' }, s.actor),
    ).rejects.toThrow(new RegExp(`${idCard.name}.*不允许容缺`));
    // Plain accept with a missing deferrable material tells the clerk 容缺 is possible.
    await expect(s.intake.accept({ itemCode: code, applicant: person, materials: entries.filter((e) => e.state !== 'deferred') }, s.actor)).rejects.toThrow(/允许容缺/);
    expect(await counts()).toMatchObject({ cases: 0, outbox: 0, audit: 0 });

    const r = await s.intake.acceptWithDeferred({ itemCode: code, applicant: person, materials: entries, commitmentNote: '五个工作日内补齐', deadlineWorkdays: 5 }, s.actor);
    expect(r.status).toBe('accepted_deferred');
    // 09-29 + 5 working days: 09-30, 10-08, 10-09, 10-10 (make-up Saturday), 10-12.
    expect(r.deferred.map((d) => d.deadline)).toEqual(specs.filter((m) => m.deferrable).map(() => '2026-10-12'));
    const detail = await s.cases.get({ id: r.caseId });
    expect(detail.deferredOutstanding).toBe(r.deferred.length);
    expect(detail.applicant).toMatchObject({ name: '符**', idNumber: '4601**********' + ID.slice(-4), masked: true });

    // Supplying every deferred material turns it into an accepted case.
    for (const [i, d] of r.deferred.entries()) {
      const out = await s.intake.supplement({ caseId: r.caseId, materialCode: d.code, via: 'received' }, s.actor);
      expect(out.outstanding).toBe(r.deferred.length - i - 1);
    }
    const after = await s.cases.get({ caseNumber: r.caseNumber });
    expect(after.status).toBe('accepted');
    expect(after.history.map((h) => h.status)).toEqual(['accepted_deferred', ...r.deferred.slice(0, -1).map(() => 'accepted_deferred'), 'accepted']);
    expect(after.outbox).toHaveLength(1 + r.deferred.length);
    // The same supplement again is a retry (decision-key.test.ts); another one is refused.
    await expect(s.intake.supplement({ caseId: r.caseId, materialCode: r.deferred[0]!.code, via: 'licence', licenceId: 'L1' }, s.actor)).rejects.toThrow(/没有待补齐/);
  });

  it('rejects with a reason and a case number, and prints a rejection notice', async () => {
    const code = itemCode(s, '食品经营许可（新办）');
    const enterprise = {
      kind: 'enterprise' as const,
      name: '海口椰风餐饮管理有限公司',
      uscc: withUsccCheckChar('91460100MA5T0000A'),
      legalRepresentative: { name: '吴海', idNumber: withIdCheckChar('46010519800101003') },
    };
    const r = await s.intake.reject({ itemCode: code, applicant: enterprise, materials: [], reason: '经营场所不符合食品安全要求' }, s.actor);
    expect(r).toMatchObject({ caseNumber: 'HK01-W03-20260929-0001', status: 'rejected' });
    const notice = await s.notices.render(await s.cases.get({ id: r.caseId }), { hallName: '海口市政务服务中心', windowName: '3 号窗口', department: '海口市市场监督管理局' });
    expect(notice.kind).toBe('rejection');
    expect(notice.html).toContain('经营场所不符合食品安全要求');
    expect(notice.html).toContain('<svg');
    expect((await s.cases.list({ q: enterprise.uscc, limit: 10 })).cases).toHaveLength(1);
    expect((await s.cases.list({ q: enterprise.legalRepresentative.idNumber, limit: 10 })).cases).toHaveLength(1);
  });

  it('withdraws a draft locally and an accepted case with an outbox row', async () => {
    const code = itemCode(s, '社会保障卡申领');
    const draft = await s.intake.saveDraft({ itemCode: code, applicant: person, materials: [] }, s.actor);
    await s.intake.withdraw(draft.caseId, '申请人离开', s.actor);
    expect(await counts()).toMatchObject({ outbox: 0 });
    const materials = (await s.catalog.materials(code)).filter((m) => m.required).map((m) => ({ code: m.code, state: 'received' as const }));
    const accepted = await s.intake.accept({ itemCode: code, applicant: person, materials }, s.actor);
    await s.intake.withdraw(accepted.caseId, '申请人主动撤回申请', s.actor);
    const detail = await s.cases.get({ id: accepted.caseId });
    expect(detail).toMatchObject({ status: 'withdrawn', withdrawReason: '申请人主动撤回申请' });
    expect(detail.outbox.map((o) => o.kind)).toEqual(['case.accepted', 'case.withdrawn']);
    await expect(s.intake.withdraw(accepted.caseId, '再撤一次', s.actor)).rejects.toThrow(/不能撤回/);
  });
});

describe('intake: numbers, applicants, look-ups', () => {
  it('issues consecutive numbers per hall day, restarting the next day', async () => {
    const code = itemCode(s, '内地居民结婚登记');
    const materials = (await s.catalog.materials(code)).map((m) => ({ code: m.code, state: 'received' as const }));
    const a = await s.intake.accept({ itemCode: code, applicant: person, materials }, s.actor);
    const b = await s.intake.accept({ itemCode: code, applicant: person, materials }, s.actor);
    s.clock.now = new Date('2026-09-29T16:05:00Z'); // 00:05 on 09-30 in the hall
    const c = await s.intake.accept({ itemCode: code, applicant: person, materials }, s.actor);
    expect([a.caseNumber, b.caseNumber, c.caseNumber]).toEqual(['HK01-W03-20260929-0001', 'HK01-W03-20260929-0002', 'HK01-W03-20260930-0001']);
    expect(c.promisedDate).toBe('2026-09-30'); // 即办件
  });

  it('refuses a wrong ID checksum, a wrong served party, and materials of another item, writing nothing', async () => {
    const code = itemCode(s, '社会保障卡申领');
    const materials = (await s.catalog.materials(code)).filter((m) => m.required).map((m) => ({ code: m.code, state: 'received' as const }));
    const bad = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1');
    await expect(s.intake.accept({ itemCode: code, applicant: { ...person, idNumber: bad }, materials }, s.actor)).rejects.toThrow(/校验位/);
    const enterprise = { kind: 'enterprise' as const, name: '某公司', uscc: withUsccCheckChar('91460100MA5T0000B'), legalRepresentative: { name: '吴海', idNumber: ID } };
    await expect(s.intake.accept({ itemCode: code, applicant: enterprise, materials }, s.actor)).rejects.toThrow(/只面向自然人/);
    await expect(s.intake.accept({ itemCode: code, applicant: person, materials: [...materials, { code: 'M99', state: 'received' }] }, s.actor)).rejects.toThrow(/不属于该事项/);
    await expect(s.intake.accept({ itemCode: 'NO-SUCH-ITEM', applicant: person, materials }, s.actor)).rejects.toThrow(/没有编码/);
    expect(await counts()).toMatchObject({ cases: 0, materials: 0, outbox: 0, audit: 0 });
  });

  it('takes the applicant from a card token, finds cases by ID number and name, and audits a reveal', async () => {
    const token = putSampleCard(s);
    const code = itemCode(s, '居住证申领');
    const materials = (await s.catalog.materials(code)).filter((m) => m.required).map((m) => ({ code: m.code, state: 'received' as const }));
    const r = await s.intake.accept({ itemCode: code, applicant: { kind: 'person', idType: 'resident', cardToken: token }, materials }, s.actor);
    expect((await s.cases.list({ q: ID, limit: 5 })).cases.map((c) => c.caseNumber)).toEqual([r.caseNumber]);
    expect((await s.cases.list({ q: '云琼花', limit: 5 })).cases[0]!.applicantName).toBe('云**');
    expect((await s.cases.list({ q: '20260929-0001', limit: 5 })).cases).toHaveLength(1);
    expect((await s.cases.list({ q: '别人', limit: 5 })).cases).toHaveLength(0);
    expect(await s.cases.history(ID)).toMatchObject({ caseCount: 1 });
    const full = await s.cases.reveal(r.caseId, '申请人要求核对信息', 'supervisor01');
    expect(full).toMatchObject({ name: '云琼花', idNumber: ID, address: '海南省海口市美兰区', masked: false });
    const audit = await s.db.selectFrom('audit_log').selectAll().where('action', '=', 'pii.view').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).not.toContain(ID);
    await expect(s.intake.accept({ itemCode: code, applicant: { kind: 'person', idType: 'resident', cardToken: 'gone' }, materials }, s.actor)).rejects.toThrow(/重新读取/);
  });

  it('serialises concurrent accepts: unique numbers, one outbox row each', async () => {
    const code = itemCode(s, '内地居民结婚登记');
    const materials = (await s.catalog.materials(code)).map((m) => ({ code: m.code, state: 'received' as const }));
    const rs = await Promise.all(Array.from({ length: 12 }, () => s.intake.accept({ itemCode: code, applicant: person, materials }, s.actor)));
    expect(new Set(rs.map((r) => r.caseNumber)).size).toBe(12);
    expect(await counts()).toMatchObject({ cases: 12, outbox: 12, audit: 12 });
  });
});
