import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleJpeg } from '../materials/testing';
import type { MaterialsService } from '../materials/service';
import { DraftResume } from './draft-resume';
import { itemCode, openTestStack, putSampleCard, SAMPLE_ID, samplePerson, type TestStack } from './testing';

// 继续办理 (draft-resume.ts): what the intake screen restores from a saved draft.

let s: TestStack;
afterEach(async () => s?.close());

const audits = () => s.db.selectFrom('audit_log').select(['action', 'subject', 'actor']).where('action', '=', 'case.resumeDraft').execute();

describe('resuming a saved draft', () => {
  it('gives back the applicant and agent in full, the ticks and the held pages, and audits who opened it', async () => {
    s = await openTestStack({ materials: {} });
    const code = itemCode(s, '社会保障卡申领');
    const specs = await s.catalog.materials(code);
    const [a, b] = specs.filter((m) => m.required);
    const draftId = crypto.randomUUID();
    await (s.materials as MaterialsService).stagePage({ draftId, materialCode: a!.code, mime: 'image/jpeg', source: 'camera', clerkId: 'clerk01' }, sampleJpeg(120, 160, 1));
    const agent = { relation: 'family' as const, certType: '111' as const, idNumber: '110101199003070011', name: '李四', phone: '13900000000' };
    const saved = await s.intake.saveDraft(
      { itemCode: code, applicant: samplePerson, agent, materials: [{ code: a!.code, state: 'received', originals: 1, copies: 2 }, { code: b!.code, state: 'not_provided' }], materialsDraftId: draftId },
      s.actor,
    );
    const r = await new DraftResume(s.db, s.pii).resume(saved.caseId, s.actor);
    expect(r).toMatchObject({ caseId: saved.caseId, itemCode: code, materialsDraftId: draftId, appointmentId: null });
    expect(r.applicant).toMatchObject({ kind: 'person', name: samplePerson.name, idNumber: SAMPLE_ID, phone: samplePerson.phone, address: samplePerson.address, masked: false });
    expect(r.agent).toMatchObject({ name: '李四', idNumber: agent.idNumber, relation: 'family', phone: agent.phone, masked: false });
    expect(r.materials.find((m) => m.code === a!.code)).toEqual({ code: a!.code, state: 'received', originals: 1, copies: 2 });
    expect(r.materials.find((m) => m.code === b!.code)).toMatchObject({ state: 'not_provided' });
    expect(await audits()).toEqual([{ action: 'case.resumeDraft', subject: saved.caseId, actor: 'clerk01' }]);
  });

  it('a draft saved from a card read comes back with the card holder; one without an applicant comes back without', async () => {
    s = await openTestStack();
    const code = itemCode(s, '社会保障卡申领');
    const fromCard = await s.intake.saveDraft({ itemCode: code, applicant: { kind: 'person', idType: 'resident', cardToken: putSampleCard(s) }, materials: [] }, s.actor);
    const bare = await s.intake.saveDraft({ itemCode: code, materials: [] }, s.actor);
    const drafts = new DraftResume(s.db, s.pii);
    expect((await drafts.resume(fromCard.caseId, s.actor)).applicant).toMatchObject({ name: '云琼花', idNumber: SAMPLE_ID });
    expect(await drafts.resume(bare.caseId, s.actor)).toMatchObject({ applicant: null, agent: null, materialsDraftId: null });
  });

  it('refuses a case that is no longer a draft, and an unknown id, saying what to do', async () => {
    s = await openTestStack();
    const code = itemCode(s, '社会保障卡申领');
    const materials = (await s.catalog.materials(code)).filter((m) => m.required).map((m) => ({ code: m.code, state: 'received' as const }));
    const saved = await s.intake.saveDraft({ itemCode: code, applicant: samplePerson, materials }, s.actor);
    await s.intake.accept({ caseId: saved.caseId, itemCode: code, applicant: samplePerson, materials }, s.actor);
    const drafts = new DraftResume(s.db, s.pii);
    await expect(drafts.resume(saved.caseId, s.actor)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已受理') });
    await expect(drafts.resume('nope', s.actor)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await audits()).toEqual([]);
  });
});
