import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withIdCheckChar } from '../../common/domain/id-number';
import { itemCode, openTestStack, type TestStack } from '../intake/testing';
import { renderTemplate } from './template';

let s: TestStack;
beforeEach(async () => {
  s = await openTestStack({ now: new Date('2026-12-24T02:00:00Z') });
});
afterEach(async () => s.close());

const ID = withIdCheckChar('46010219900101002');
const ctx = { hallName: '海口市政务服务中心', windowName: '综合受理 3 号窗口', department: '海口市人力资源和社会保障局' };

describe('acceptance and rejection notices', () => {
  it('shows the masked applicant, deferred deadlines and a provisional promised date', async () => {
    const code = itemCode(s, '职工基本养老保险关系转移接续'); // 15 working days: runs into 2027, not announced yet
    const materials = (await s.catalog.materials(code)).map((m) => ({ code: m.code, state: 'received' as const }));
    const r = await s.intake.accept({ itemCode: code, applicant: { kind: 'person', idType: 'resident', idNumber: ID, name: '陈<b>伟</b>' }, materials }, s.actor);
    expect(r.promisedProvisional).toBe(true);
    const n = await s.notices.render(await s.cases.get({ id: r.caseId }), ctx);
    expect(n.kind).toBe('acceptance');
    expect(n.html).toContain('海口市政务服务中心');
    expect(n.html).toContain('4601**********' + ID.slice(-4));
    expect(n.html).not.toContain(ID);
    expect(n.html).not.toContain('<b>');
    expect(n.html).toContain('暂定');
    expect(n.html).toContain(r.promisedDate);

    const deferredItem = itemCode(s, '失业保险金申领');
    const specs = await s.catalog.materials(deferredItem);
    const d = await s.intake.acceptWithDeferred(
      { itemCode: deferredItem, applicant: { kind: 'person', idType: 'resident', idNumber: ID, name: '陈伟' }, materials: specs.map((m) => ({ code: m.code, state: m.deferrable ? ('deferred' as const) : ('received' as const) })), commitmentNote: '春节前补齐' },
      s.actor,
    );
    const dn = await s.notices.render(await s.cases.get({ id: d.caseId }), ctx);
    expect(dn.html).toContain('容缺受理');
    expect(dn.html).toContain('春节前补齐');
    expect(dn.html).toContain(d.deferred[0]!.deadline);
  });

  it('refuses drafts, and the template refuses unknown placeholders', async () => {
    const code = itemCode(s, '社会保障卡申领');
    const draft = await s.intake.saveDraft({ itemCode: code, materials: [] }, s.actor);
    await expect(s.notices.render(await s.cases.get({ id: draft.caseId }), ctx)).rejects.toThrow(/才能打印/);
    expect(renderTemplate('<p>{{a}}{{{b}}}</p>', { a: '<i>&' }, { b: '<hr>' })).toBe('<p>&lt;i&gt;&amp;<hr></p>');
    expect(() => renderTemplate('{{missing}}', {})).toThrow(/missing/);
  });
});
