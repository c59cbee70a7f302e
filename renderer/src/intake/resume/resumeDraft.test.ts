import { describe, expect, it } from 'vitest';
import type { ItemDetail } from '../../../../common/contract/catalog';
import type { ResumedDraft } from '../../../../common/contract/intake';
import type { SlotView } from '../../../../common/contract/materials';
import { POWER_OF_ATTORNEY_CODE } from '../../../../common/domain/agent-relations';
import { agentInput, applicantInput, casePlans } from '../buildRequest';
import { draftStore, materialsDraftOf, type IntakeDraft } from '../draftStore';
import { draftFromResumed } from './resumeDraft';

// A resumed draft (继续办理) is an intake whose requests name the draft's case and pages, with the
// ticks and people it was saved with.

const mat = (code: string) => ({ code, name: code, required: true, deferrable: false, originals: 1, copies: 0 });
const item = { code: 'ITEM', name: '社会保障卡申领', materials: [mat('M1'), mat('M2'), mat('M3')] } as unknown as ItemDetail;
const slot = (code: string, pages: number): SlotView => ({ materialCode: code, parts: Array.from({ length: pages }, () => ({}) as SlotView['parts'][number]), pageCount: pages, bytes: pages });
const resumed: ResumedDraft = {
  caseId: 'case-1',
  itemCode: 'ITEM',
  updatedAt: '2026-12-02T02:00:00.000Z',
  applicant: { kind: 'person', name: '符海燕', idNumber: '46010219900101002X', idType: 'resident', certType: '111', uscc: null, legalRepresentative: null, phone: '13876543210', address: null, masked: false },
  agent: { name: '李四', certType: '111', idNumber: '110101199003070011', relation: 'proxy', phone: null, masked: false },
  materials: [
    { code: 'M1', state: 'received', originals: 2, copies: 1 },
    { code: 'M2', state: 'not_provided', originals: 1, copies: 0 },
    { code: POWER_OF_ATTORNEY_CODE, state: 'received', originals: 1, copies: 0 },
  ],
  appointmentId: null,
  materialsDraftId: '0190f0e8-0000-7000-8000-000000000001',
};

const restored = (r: ResumedDraft, slots: SlotView[] = []): IntakeDraft => ({ ...draftStore.get(), ...draftFromResumed(r, item, slots) });

describe('a resumed draft', () => {
  it('sends the saved applicant, agent and ticks again, and names the draft case', () => {
    const d = restored(resumed);
    expect(d.draftCaseId).toBe('case-1');
    expect(applicantInput(d)).toEqual({ kind: 'person', idType: 'resident', idNumber: '46010219900101002X', name: '符海燕', phone: '13876543210' });
    expect(agentInput(d)).toEqual({ agent: { relation: 'proxy', certType: '111', idNumber: '110101199003070011', name: '李四' } });
    const [plan] = casePlans(d);
    // M3 was not in the draft: the catalog's default; the power of attorney comes from the agent's tick.
    expect(plan!.materials).toEqual([
      { code: 'M1', state: 'received', originals: 2, copies: 1 },
      { code: 'M2', state: 'not_provided', originals: 1, copies: 0 },
      { code: 'M3', state: 'received', originals: 1, copies: 0 },
      { code: POWER_OF_ATTORNEY_CODE, state: 'received' },
    ]);
  });

  it('keeps its pages under the draft id they are held under, so the decision links them', () => {
    const d = restored(resumed, [slot('M1', 1), slot('M2', 0)]);
    expect(Object.keys(d.slots)).toEqual(['M1']);
    expect(materialsDraftOf(d)).toEqual({ materialsDraftId: resumed.materialsDraftId });
  });

  it('a draft without pages or applicant starts with a fresh draft id and an empty person form', () => {
    const d = restored({ ...resumed, applicant: null, agent: null, materialsDraftId: null });
    expect(d.materialsDraftId).toBe(draftStore.get().materialsDraftId);
    expect(d.person.idNumber).toBe('');
    expect(d.agent).toBeNull();
    expect(materialsDraftOf(d)).toEqual({});
  });

  it('an enterprise comes back with its legal representative', () => {
    const d = restored({ ...resumed, agent: null, applicant: { ...resumed.applicant!, kind: 'enterprise', name: '海南蓝海贸易有限公司', idNumber: null, idType: null, uscc: '91460100MA5T000000', legalRepresentative: { name: '王五', idNumber: '46010219900101002X' } } });
    expect(applicantInput(d)).toMatchObject({ kind: 'enterprise', name: '海南蓝海贸易有限公司', uscc: '91460100MA5T000000', legalRepresentative: { name: '王五', idNumber: '46010219900101002X' } });
  });
});
