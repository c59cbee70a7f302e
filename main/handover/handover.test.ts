import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { withIdCheckChar } from '../../common/domain/id-number';
import { CentralProcess, runCli } from '../../central/testing/central-process';
import { openCentralStore } from '../../central/db/open';
import { enrol } from '../sync/enrolment';
import { SyncEngine } from '../sync/engine';
import { readSyncStatus } from '../sync/status';
import { tempDir } from '../sync/testing/window-fixture';
import { itemCode, openTestStack, samplePerson, SAMPLE_ID, type TestStack } from '../intake/testing';
import { sampleCardRead as residentCard } from '../app/testing';
import { handoverOver } from './testing';

const AGENT_ID = withIdCheckChar('46010619750505003');
const STRANGER_ID = withIdCheckChar('46010019881212004');
const FAST = { baseMs: 5, maxMs: 20, jitter: 0 };

let central: CentralProcess;
let s: TestStack;
beforeAll(async () => {
  central = new CentralProcess(tempDir('central-handover'));
  await central.start();
}, 120_000);
afterAll(async () => {
  await central.kill('SIGTERM');
});
afterEach(async () => {
  await s?.close();
});

async function acceptTwo() {
  s = await openTestStack();
  await enrol(s.db, central.url, await central.enrolmentCode('HK01', 'W03'));
  const code = itemCode(s, '失业保险金申领');
  const materials = (await s.catalog.materials(code)).map((m) => ({ code: m.code, state: 'received' as const }));
  const agent = { relation: 'family' as const, certType: '111' as const, idNumber: AGENT_ID, name: '林代办' };
  const withAgent = await s.intake.accept({ itemCode: code, applicant: samplePerson, agent, materials }, s.actor);
  const other = withIdCheckChar('46010219920202003');
  const inPerson = await s.intake.accept({ itemCode: code, applicant: { ...samplePerson, idNumber: other, name: '陈海' }, materials }, s.actor);
  const engine = new SyncEngine({ db: s.db, pii: s.pii, backoff: FAST });
  expect((await engine.runUntilEmpty()).ok).toBe(true);
  return { withAgent, inPerson, other, engine, handover: handoverOver(s) };
}

async function centralHandovers() {
  const store = await openCentralStore({ dataDir: central.dataDir });
  try {
    return await store.db.selectFrom('handovers').select(['case_id', 'method', 'payload']).orderBy('case_id').execute();
  } finally {
    await store.close();
  }
}

describe('出件: results from a real central process, identity check, handover exactly once', () => {
  it('pulls 办结 / 已制证 with what to hand over; checks applicant, agent and a stranger; records the handover once at the central', async () => {
    const { withAgent, inPerson, engine, handover } = await acceptTwo();
    expect(await handover.find({ caseNumber: withAgent.caseNumber! })).toMatchObject({ stage: 'no_result', result: null });

    // The back office: 办结 without the certificate first (CLI), then 已制证 (CLI); the other case through the admin endpoint.
    const set = (args: string[]) => runCli(['central', 'result', 'set', withAgent.caseId, '--data-dir', central.dataDir, ...args]);
    expect((await set(['--outcome', 'approved', '--items', '营业执照正本'])).code).toBe(0);
    await engine.runOnce();
    expect(await handover.find({ caseId: withAgent.caseId })).toMatchObject({ stage: 'decided', centralStatus: 'completed_approved', result: { ready: false, readyAt: null } });
    await expect(handover.confirm({ caseId: withAgent.caseId, idNumber: SAMPLE_ID }, s.actor)).rejects.toThrow(/尚未制作完成/);
    const ready = await set(['--outcome', 'approved', '--ready', '--items', '营业执照正本,营业执照副本*2', '--note', '请带身份证原件']);
    expect(ready).toMatchObject({ code: 0 });
    await central.admin('/v1/admin/case-result', { body: { caseId: inPerson.caseId, outcome: 'refused', ready: true, items: [{ name: '不予行政许可决定书' }], delivery: 'post' } });
    await engine.runOnce();

    const shown = await handover.find({ caseNumber: withAgent.caseNumber!.toLowerCase() });
    expect(shown).toMatchObject({
      stage: 'ready',
      stageLabel: '已制证，待领取',
      applicantName: '符**',
      agent: { name: '林**', relation: 'family' },
      result: { outcome: 'approved', ready: true, items: [{ name: '营业执照正本', count: 1 }, { name: '营业执照副本', count: 2 }], delivery: 'window', note: '请带身份证原件' },
      daysWaiting: 0,
    });
    expect(await handover.find({ caseId: inPerson.caseId })).toMatchObject({ centralStatus: 'completed_not_approved', result: { outcome: 'refused', outcomeLabel: '不予许可', delivery: 'post' } });
    expect((await handover.list()).rows.map((r) => r.caseNumber)).toEqual([withAgent.caseNumber, inPerson.caseNumber]);

    // The hall's list from the central (what a supervisor sees) holds both.
    const client = (await engine.client())!;
    expect((await handover.hallRows(await client.call('hallHandovers', { query: { limit: 50 } }))).rows.map((r) => r.caseNumber)).toEqual([withAgent.caseNumber, inPerson.caseNumber]);

    // Identity: the applicant's card, the agent's typed number, a stranger's card.
    expect(await handover.identify(withAgent.caseId, { cardToken: s.cards.put(residentCard(SAMPLE_ID, '符海燕')) })).toMatchObject({ match: 'applicant', name: '符**' });
    expect(await handover.identify(withAgent.caseId, { idNumber: AGENT_ID.toLowerCase() })).toMatchObject({ match: 'agent' });
    const stranger = s.cards.put(residentCard(STRANGER_ID, '张三'));
    const refused = await handover.identify(withAgent.caseId, { cardToken: stranger });
    expect(refused).toMatchObject({ match: null, name: '张*', idNumber: expect.stringContaining('*') });
    expect(refused.message).toMatch(/身份核验未通过.*核准代领/);
    expect(JSON.stringify(refused)).not.toContain(STRANGER_ID);
    await expect(handover.confirm({ caseId: withAgent.caseId, cardToken: stranger }, s.actor)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The agent of one case is nobody for another.
    expect(await handover.identify(inPerson.caseId, { idNumber: AGENT_ID })).toMatchObject({ match: null });

    const done = await handover.confirm({ caseId: withAgent.caseId, idNumber: AGENT_ID }, s.actor);
    expect(done).toMatchObject({ stage: 'handed_over', stageLabel: '已领取', daysWaiting: null, handover: { method: 'window', collector: 'agent', clerkName: '王小明' } });
    await expect(handover.confirm({ caseId: withAgent.caseId, idNumber: SAMPLE_ID }, s.actor)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(handover.post({ caseId: inPerson.caseId, carrier: 'EMS', trackingNumber: '12' }, s.actor)).rejects.toThrow(/运单号/);
    expect(await handover.post({ caseId: inPerson.caseId, carrier: '中国邮政 EMS', trackingNumber: 'el123456789cn' }, s.actor)).toMatchObject({
      stage: 'posted',
      handover: { method: 'post', carrier: '中国邮政 EMS', trackingNumber: 'EL123456789CN', collector: null },
    });
    expect((await handover.list()).rows).toEqual([]);

    // Audit and history, without personal data.
    const audit = await s.db.selectFrom('audit_log').select(['action', 'detail']).where('action', 'in', ['case.handover', 'case.post']).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['case.handover', 'case.post']);
    expect(audit.map((a) => a.detail).join()).not.toMatch(new RegExp(`${AGENT_ID}|林代办|符海燕`));
    const detail = await s.cases.get({ id: withAgent.caseId });
    expect(detail.history.at(-1)).toMatchObject({ source: 'window', status: 'handed_over', label: '已领取' });

    // Pushed; a replay of the same entries (as after a lost answer) records nothing more at the central.
    expect((await engine.runUntilEmpty()).ok).toBe(true);
    const first = await centralHandovers();
    expect(first.map((h) => [h.case_id, h.method])).toEqual([[withAgent.caseId, 'window'], [inPerson.caseId, 'post']].sort());
    await s.db.updateTable('outbox').set({ state: 'pending', done_at: null }).where('kind', '=', 'case.handedOver').execute();
    expect(await readSyncStatus(s.db)).toMatchObject({ pending: 2 });
    expect((await engine.runUntilEmpty()).ok).toBe(true);
    expect(await centralHandovers()).toEqual(first);
    expect(JSON.stringify(first)).not.toContain(AGENT_ID);
    expect((await client.call('hallHandovers', { query: { limit: 50 } })).cases).toEqual([]);
  }, 240_000);

  it('lets the clerk override for a written authorisation (委托), with a reason, audited', async () => {
    const { inPerson, engine, handover } = await acceptTwo();
    await central.admin('/v1/admin/case-result', { body: { caseId: inPerson.caseId, outcome: 'approved', ready: true, items: [{ name: '准予行政许可决定书', count: 1 }], delivery: 'window' } });
    await engine.runOnce();
    const stranger = s.cards.put(residentCard(STRANGER_ID, '张三'));
    await expect(handover.confirm({ caseId: inPerson.caseId, cardToken: stranger, overrideReason: '委托' }, s.actor)).rejects.toThrow(/至少 4 个字/);
    const done = await handover.confirm({ caseId: inPerson.caseId, cardToken: stranger, overrideReason: '委托领取，已核对授权委托书原件和代领人身份证' }, s.actor);
    expect(done.handover).toMatchObject({ collector: 'override', collectorLabel: '窗口人员核准代领', overrideReason: '委托领取，已核对授权委托书原件和代领人身份证' });
    const row = await s.db.selectFrom('case_handover').selectAll().executeTakeFirstOrThrow();
    expect(row.collector_id_hash).toBe(s.pii.lookupHash(STRANGER_ID));
    const audit = await s.db.selectFrom('audit_log').select('detail').where('action', '=', 'case.handover').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!)).toMatchObject({ collector: 'override', overrideReason: expect.stringContaining('授权委托书') });
    expect((await engine.runUntilEmpty()).ok).toBe(true);
    expect((await centralHandovers()).find((h) => h.case_id === inPerson.caseId)).toMatchObject({ method: 'window' });
  }, 240_000);
});
