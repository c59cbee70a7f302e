import { afterEach, describe, expect, test } from 'vitest';
import type { CentralServer } from '../../central/http/server';
import { createEnrolmentCode } from '../../central/store/enrolment';
import { storedEffects, startTestCentral } from '../../central/testing/central-tables';
import { PG_SKIP_REASON, TEST_PG_URL } from '../../central/testing/postgres';
import { withIdCheckChar } from '../../common/domain/id-number';
import { ENTRY_KINDS } from '../../common/sync/entries';
import { enqueueOutbox } from '../db/outbox';
import { itemCode, openTestStack, type TestStack } from '../intake/testing';
import { enrol } from './enrolment';
import { SyncEngine } from './engine';
import { readSyncStatus } from './status';
import { writeEveryCaseKind, writePasswordChange } from './testing/every-kind';
import { acceptedEntry, queueRaw } from './testing/sample-entries';

const FAST = { baseMs: 20, maxMs: 100 };

describe('the typed outbox writer', () => {
  let s: TestStack | undefined;
  afterEach(async () => s?.close());

  test('refuses a payload that breaks the entry contract (a compile error, and checked at run time under test)', async () => {
    s = await openTestStack();
    const good = acceptedEntry('c-1', 'N-1');
    await expect(
      s.db.transaction().execute((trx) =>
        // @ts-expect-error a rating payload under a case kind does not compile
        enqueueOutbox(trx, { kind: 'case.accepted', aggregateId: 'c-1', payload: { caseId: 'c-1', level: 1 } }),
      ),
    ).rejects.toThrow(/breaks the entry contract/);
    const withdrawnAsAccepted = { ...good, payload: { ...good.payload, case: { ...good.payload.case, status: 'withdrawn' } } } as never;
    await expect(s.db.transaction().execute((trx) => enqueueOutbox(trx, withdrawnAsAccepted))).rejects.toThrow(/case\.status/);
    expect(await s.db.selectFrom('outbox').selectAll().execute()).toEqual([]);
  });
});

if (!TEST_PG_URL) console.warn(PG_SKIP_REASON);

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !TEST_PG_URL },
])('window → central with versioned entries on $backend', ({ backend, skip }) => {
  const it = skip ? test.skip : test;
  let s: TestStack | undefined;
  let central: (CentralServer & { dispose(): Promise<void> }) | undefined;
  afterEach(async () => {
    await s?.close();
    await central?.dispose();
  });

  async function enrolledStack() {
    central = await startTestCentral(backend);
    s = await openTestStack();
    await enrol(s.db, central.url, (await createEnrolmentCode(central.store.db, 'HK01', 'W03')).code);
    return { s, central, engine: new SyncEngine({ db: s.db, pii: s.pii, backoff: FAST }) };
  }

  it('delivers every kind written by the real services, applied at the central', async () => {
    const { s, central, engine } = await enrolledStack();
    const ids = await writeEveryCaseKind(s);
    // The password change is written by the auth service into its own database; carried over as written.
    const pw = await writePasswordChange();
    await s.db.transaction().execute(async (trx) => {
      for (const r of pw.rows) await queueRaw(trx, { kind: r.kind, aggregateId: r.aggregate_id, id: r.id, payload: JSON.parse(r.payload) });
    });
    await pw.close();
    expect((await engine.runUntilEmpty()).ok).toBe(true);
    expect(await readSyncStatus(s.db)).toMatchObject({ pending: 0, parked: 0 });
    const stored = await storedEffects(central);
    expect(new Set(stored.received.map((r) => r.kind))).toEqual(new Set(ENTRY_KINDS));
    expect(stored.cases.map((c) => c.id).sort()).toEqual(Object.values(ids).sort());
    const rejected = stored.cases.find((c) => c.id === ids.rejected)!;
    expect(rejected).toMatchObject({ case_number: 'HK01-W03-20260929-0003', item_code: expect.any(String) });
    // The applicant reached the central in clear (opened on the way out), never in the window's outbox.
    expect(rejected.payload).toMatchObject({ case: { status: 'rejected' }, applicant: { kind: 'enterprise', name: '海口椰风餐饮管理有限公司' } });
    expect(rejected.payload).not.toHaveProperty('applicantSealed');
    expect(stored.ratings).toMatchObject([{ case_id: ids.accepted, level: 5 }]);
    expect(stored.rectifications).toMatchObject([{ case_id: ids.accepted, payload: { state: 'closed' } }]);
    expect(stored.handovers).toMatchObject([{ case_id: ids.deferred, hall: 'HK01', method: 'post', payload: { trackingNumber: 'EL123456789CN', collector: null } }]);
    // Records kept as received for the systems behind the central: the signature of the deferred case, the served ticket, the password change.
    expect(stored.records).toMatchObject([
      { kind: 'case.signed', aggregate_id: ids.deferred, payload: { outcome: 'signed', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), caseId: ids.deferred } },
      { kind: 'queue.ticketEnded', payload: { number: 'A001', outcome: 'served', waitSeconds: 1200, caseIds: [ids.rejected] } },
      { kind: 'staff.passwordChanged', aggregate_id: 'staff:zhangsan' },
    ]);
  });

  it('carries the agent (经办人) and the certificate-type codes to the central, opened on the way out', async () => {
    const { s, central, engine } = await enrolledStack();
    const code = itemCode(s, '失业保险金申领');
    const materials = (await s.catalog.materials(code)).map((m) => ({ code: m.code, state: 'received' as const }));
    const person = (id: string, name: string) => ({ kind: 'person' as const, idType: 'resident' as const, idNumber: withIdCheckChar(id), name });
    const agent = { relation: 'staff' as const, certType: '516' as const, idNumber: 'H12345678', name: '陈代办', phone: '13912345678' };
    const withAgent = await s.intake.accept({ itemCode: code, applicant: person('46010219900101002', '符海燕'), agent, materials }, s.actor);
    const inPerson = await s.intake.accept({ itemCode: code, applicant: person('46010619750505003', '林某'), materials }, s.actor);
    expect((await engine.runUntilEmpty()).ok).toBe(true);
    const stored = new Map((await storedEffects(central)).cases.map((c) => [c.id, c.payload]));
    expect(stored.get(withAgent.caseId)).toMatchObject({ case: { status: 'accepted' }, applicant: { certType: '111', name: '符海燕' }, agent });
    expect(stored.get(inPerson.caseId)).toMatchObject({ applicant: { certType: '111' }, agent: null });
    for (const p of stored.values()) expect(p).not.toHaveProperty('agentSealed');
  });

  it('sends what an older version left in the outbox as version 1, and parks a bad entry with the central reason while the rest goes', async () => {
    const { s, central, engine } = await enrolledStack();
    await s.db.transaction().execute(async (trx) => {
      await queueRaw(trx, { kind: 'case', aggregateId: 'old-1', payload: { event: 'accepted', case: { id: 'old-1', caseNumber: 'T000001', itemCode: 'ITEM-1', status: 'accepted' }, applicantSealed: null } });
      await queueRaw(trx, { kind: 'case', aggregateId: 'bad-1', payload: { event: 'accepted', case: { id: 'bad-1', caseNumber: 7, itemCode: 'ITEM-1', status: 'accepted' } } });
      await queueRaw(trx, { kind: 'rating', aggregateId: 'bad-1', payload: { caseId: 'bad-1', level: 2, channel: 'screen' } });
      await queueRaw(trx, { kind: 'case.teleported', aggregateId: 'bad-2', payload: {} });
      await enqueueOutbox(trx, acceptedEntry('new-1', 'T000002'));
    });
    expect((await engine.runUntilEmpty()).ok).toBe(true);
    const rows = await s.db.selectFrom('outbox').select(['aggregate_id', 'kind', 'state', 'parked_reason']).orderBy('seq').execute();
    expect(rows.map((r) => [r.aggregate_id, r.state])).toEqual([
      ['old-1', 'done'],
      ['bad-1', 'parked'],
      ['bad-1', 'pending'], // waits behind its parked case, never sent ahead of it
      ['bad-2', 'parked'],
      ['new-1', 'done'],
    ]);
    expect(rows[1]!.parked_reason).toMatch(/「case」（第 1 版）内容格式不对.*case\.caseNumber.*已在窗口暂停上传/);
    expect(rows[3]!.parked_reason).toMatch(/不认识的数据类型「case.teleported」/);
    const stored = await storedEffects(central);
    expect(stored.cases.map((c) => c.id)).toEqual(['new-1', 'old-1']);
    expect(stored.received.map((r) => r.kind)).toEqual(['case.accepted', 'case.accepted']);
  });
});
