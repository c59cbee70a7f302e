import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify';
import { itemCode, openTestStack, SAMPLE_ID, samplePerson, type TestStack } from '../intake/testing';
import { renderSignaturePng, sha256Hex, SIGNATURE_HEIGHT, SIGNATURE_WIDTH } from './signature-png';
import { screenOver, scribble } from './testing';

let s: TestStack;
beforeEach(async () => {
  s = await openTestStack();
});
afterEach(async () => s.close());

const ID = SAMPLE_ID;
const person = samplePerson;

async function acceptOne(): Promise<string> {
  const code = itemCode(s, '失业保险金申领');
  const materials = (await s.catalog.materials(code)).map((m) => ({ code: m.code, state: 'received' as const }));
  return (await s.intake.accept({ itemCode: code, applicant: person, materials }, s.actor)).caseId;
}

describe('applicant screen: record, confirm, sign', () => {
  it('shows the masked record, then keeps the signature sealed with its PNG hash in the audit chain, the case and the notice', async () => {
    const caseId = await acceptOne();
    const { service, states } = screenOver(s);
    const { presentationId } = await service.present(caseId);
    const shown = service.state();
    expect(shown.presentation).toMatchObject({ stage: 'review', record: { caseId, itemName: expect.stringContaining('失业保险金'), applicantName: '符**' } });
    expect(JSON.stringify(shown)).not.toContain(ID);
    expect(JSON.stringify(shown)).not.toContain('13876543210');
    await expect(service.sign(presentationId, scribble(), 'screen')).rejects.toThrow(/请先确认/);
    service.confirm(presentationId);
    const { sha256 } = await service.sign(presentationId, scribble(), 'screen');

    // The hash is of the PNG main renders from the strokes: the same strokes give the same bytes.
    const png = renderSignaturePng(scribble());
    expect(sha256).toBe(sha256Hex(png));
    expect(sha256Hex(renderSignaturePng(scribble()))).toBe(sha256);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([SIGNATURE_WIDTH, SIGNATURE_HEIGHT]);

    const row = await s.db.selectFrom('case_signature').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ outcome: 'signed', sha256, source: 'screen', clerk_id: s.actor.id });
    expect(row.strokes_sealed).toMatch(/^v1\./);
    expect(JSON.parse(s.pii.open(row.strokes_sealed!))).toEqual(scribble());
    expect(Buffer.from(s.pii.open(row.png_sealed!), 'base64').equals(png)).toBe(true);
    expect((await s.db.selectFrom('intake_case').select(['signature_sha256', 'signature_state']).where('id', '=', caseId).executeTakeFirstOrThrow())).toEqual({ signature_sha256: sha256, signature_state: 'signed' });

    const audit = await s.db.selectFrom('audit_log').selectAll().where('action', '=', 'case.sign').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor: 'applicant-screen', subject: caseId });
    expect(JSON.parse(audit.detail)).toMatchObject({ sha256, strokes: 2, points: 60, clerkId: s.actor.id });
    expect((await verifyAuditChain(s.db)).ok).toBe(true);
    // …and it reaches the central platform with the case (the strokes and the image stay here).
    const entry = await s.db.selectFrom('outbox').selectAll().where('kind', '=', 'case.signed').executeTakeFirstOrThrow();
    expect(entry.aggregate_id).toBe(caseId);
    expect(JSON.parse(entry.payload)).toEqual({ caseId, caseNumber: expect.any(String), outcome: 'signed', sha256, refusalReason: null, source: 'screen', at: expect.any(String) });

    expect(states.at(-1)!.presentation).toMatchObject({ stage: 'done', outcome: { outcome: 'signed', sha256 } });
    expect(states.at(-1)!.presentation!.record.noticeHtml).toContain(`签名 SHA-256：${sha256}`);
    expect(states.at(-1)!.presentation!.record.noticeHtml).toContain('data:image/png;base64,');
    // One outcome per case, whoever asks again.
    const again = await service.present(caseId);
    expect(service.state().presentation).toMatchObject({ stage: 'done', outcome: { outcome: 'signed', sha256 } });
    await expect(service.sign(again.presentationId, scribble(), 'screen')).rejects.toThrow(/已签名/);
  });

  it('records a refusal with its reason (audit, case), and refuses an empty scribble or a stale presentation', async () => {
    const caseId = await acceptOne();
    const { service } = screenOver(s);
    const { presentationId } = await service.present(caseId);
    service.confirm(presentationId);
    const tap = [{ points: [{ x: 0.5, y: 0.5, pressure: 0.5, t: 0 }] }];
    await expect(service.sign(presentationId, tap, 'screen')).rejects.toThrow(/签名过短/);
    await expect(service.refuse('another', '不愿签名')).rejects.toThrow(/不在申请人屏上/);
    await service.refuse(presentationId, '信息有误', '电话号码不对');
    const row = await s.db.selectFrom('case_signature').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ outcome: 'refused', sha256: null, strokes_sealed: null, refusal_reason: '信息有误：电话号码不对' });
    const audit = await s.db.selectFrom('audit_log').selectAll().where('action', '=', 'case.signRefused').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail)).toMatchObject({ reason: '信息有误：电话号码不对' });
    expect(service.state().presentation!.record.noticeHtml).toContain('申请人拒绝签名（信息有误：电话号码不对）');
  });

  it('rates on the screen: the rating is recorded with channel screen (大厅平板), then the prompt is answered', async () => {
    const caseId = await acceptOne();
    const { service, answered } = screenOver(s);
    await expect(service.rate('p1', 1, [])).rejects.toThrow(/评价已结束/);
    service.promptOpened('p1', caseId);
    expect(service.state().rating).toEqual({ promptId: 'p1', caseId });
    expect(await service.rate('p1', 4, ['等候时间长'])).toEqual({ recorded: true });
    expect(answered).toEqual([{ promptId: 'p1', level: 4 }]);
    expect(await s.db.selectFrom('rating').select(['level', 'channel', 'clerk_id']).where('case_id', '=', caseId).executeTakeFirstOrThrow()).toEqual({ level: 4, channel: 'screen', clerk_id: s.actor.id });
    expect(service.state().rating).toBeNull();
  });

  it('signs from a HID signature pad: its strokes gather at the signature step, its 确认 key signs (source pad), 重签 starts again', async () => {
    const caseId = await acceptOne();
    const { service } = screenOver(s);
    const { presentationId } = await service.present(caseId);
    // Before the record is confirmed the pad is ignored.
    await service.padEvent({ type: 'stroke', points: scribble()[0]!.points });
    service.confirm(presentationId);
    await service.padEvent({ type: 'stroke', points: [{ x: 0.9, y: 0.9, pressure: 1, t: 0 }, { x: 0.1, y: 0.1, pressure: 1, t: 5 }] });
    await service.padEvent({ type: 'clear' });
    for (const st of scribble()) await service.padEvent({ type: 'stroke', points: st.points });
    await service.padEvent({ type: 'confirm' });
    const row = await s.db.selectFrom('case_signature').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ outcome: 'signed', source: 'pad', sha256: sha256Hex(renderSignaturePng(scribble())) });
    expect(service.state().presentation).toMatchObject({ stage: 'done' });
  });

  it('a rejected case is not put on the screen for signature', async () => {
    const code = itemCode(s, '失业保险金申领');
    const r = await s.intake.reject({ itemCode: code, applicant: person, materials: [], reason: '不属于本窗口受理范围' }, s.actor);
    await expect(screenOver(s).service.present(r.caseId)).rejects.toThrow(/只有已受理/);
  });
});
