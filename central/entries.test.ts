import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { CentralServer } from './http/server';
import { createEnrolmentCode } from './store/enrolment';
import { storedEffects, startTestCentral } from './testing/central-tables';
import { PG_SKIP_REASON, TEST_PG_URL } from './testing/postgres';

/** Push items as today's (version 1) windows sent them, recorded from the real writers before the entry contract. */
const V1: Array<{ id: string; seq: number; kind: string; aggregateId: string; createdAt: string; payload: any }> = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, 'testing', 'fixtures', 'v1-entries.json'), 'utf8'),
);

const V1_CASE_EVENTS: Record<string, string> = {
  accepted: 'case.accepted',
  acceptedWithDeferred: 'case.acceptedWithDeferred',
  rejected: 'case.rejected',
  withdrawn: 'case.withdrawn',
  supplemented: 'case.supplemented',
};

/**
 * The same entries written by hand as version 2 (an oracle independent of the central's upgrade):
 * the case event moves from the payload into the kind, the other kinds are renamed.
 */
function asV2(item: (typeof V1)[number]) {
  const p = item.payload;
  if (item.kind === 'case') return { ...item, v: 2, kind: V1_CASE_EVENTS[p.event]!, payload: { case: p.case, applicant: p.applicant ?? null } };
  const kind = { rating: 'rating.created', rectification: p.state === 'closed' ? 'rectification.closed' : 'rectification.opened', 'staff.password': 'staff.passwordChanged' }[item.kind]!;
  return { ...item, v: 2, kind };
}

if (!TEST_PG_URL) console.warn(PG_SKIP_REASON);

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !TEST_PG_URL },
])('versioned entries at the central on $backend', ({ backend, skip }) => {
  const it = skip ? test.skip : test;
  const started: Array<CentralServer & { dispose(): Promise<void> }> = [];
  afterEach(async () => {
    for (const c of started.splice(0)) await c.dispose();
  });

  /** A fresh central and a push function holding an enrolled window's credential. */
  async function central() {
    const server = await startTestCentral(backend);
    started.push(server);
    const { code } = await createEnrolmentCode(server.store.db, 'HK01', 'W03');
    const enrolled = (await (await fetch(`${server.url}/v1/enroll`, { method: 'POST', body: JSON.stringify({ code }) })).json()) as { credential: string };
    const push = async (items: unknown[]) => {
      const res = await fetch(`${server.url}/v1/push`, { method: 'POST', headers: { authorization: `Bearer ${enrolled.credential}` }, body: JSON.stringify({ items }) });
      expect(res.status).toBe(200);
      return ((await res.json()) as { results: Array<{ id: string; status: string; reason?: string }> }).results;
    };
    return { server, push };
  }

  it('applies the recorded version 1 entries exactly as the same entries written as version 2', async () => {
    const old = await central();
    const current = await central();
    expect((await old.push(V1)).map((r) => r.status)).toEqual(V1.map(() => 'accepted'));
    expect((await current.push(V1.map(asV2))).map((r) => r.status)).toEqual(V1.map(() => 'accepted'));
    const a = await storedEffects(old.server);
    expect(a).toEqual(await storedEffects(current.server));
    // Every kind landed where it belongs, with the case number and item code read without guessing.
    expect(a.cases).toHaveLength(3);
    expect(a.cases.every((c) => c.case_number?.startsWith('HK01-W03-') && c.item_code)).toBe(true);
    expect(a.ratings).toMatchObject([{ level: 5 }]);
    expect(a.rectifications).toMatchObject([{ payload: { state: 'closed', followUpResult: 'satisfied' } }]);
    expect(a.records).toMatchObject([{ kind: 'staff.passwordChanged' }]);
    expect(a.received.map((r) => r.kind)).toEqual(V1.map((i) => asV2(i).kind));
  });

  it('still reads the legacy key spellings the central used to guess, in the one upgrade', async () => {
    const { server, push } = await central();
    const at = '2026-09-29T02:00:00.000Z';
    const results = await push([
      { id: 'l1', seq: 1, kind: 'case', aggregateId: 'c-flat', createdAt: at, payload: { id: 'c-flat', caseNumber: 'T000001', implCode: 'ITEM-1', status: 'accepted' } },
      { id: 'l2', seq: 2, kind: 'case', aggregateId: 'c-snake', createdAt: at, payload: { event: 'rejected', case: { id: 'c-snake', case_number: 'T000002', baseCode: 'BASE-2' } } },
      { id: 'l3', seq: 3, kind: 'rating', aggregateId: 'c-flat', createdAt: at, payload: { ratingId: 'r-1', case_id: 'c-flat', ratingLevel: '2', channel: 'screen' } },
    ]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const stored = await storedEffects(server);
    expect(stored.cases.map((c) => [c.id, c.case_number, c.item_code])).toEqual([
      ['c-flat', 'T000001', 'ITEM-1'],
      ['c-snake', 'T000002', 'BASE-2'],
    ]);
    expect(stored.cases[0]!.payload).toMatchObject({ case: { status: 'accepted', hallCode: 'HK01', windowCode: 'W03', materials: [] }, applicant: null });
    expect(stored.ratings).toMatchObject([{ id: 'r-1', case_id: 'c-flat', level: 2 }]);
  });

  it('answers a bad, unknown or unknown-version entry on its own, storing nothing of it, and applies the rest of the batch', async () => {
    const { server, push } = await central();
    const good = (i: number) => ({ ...asV2(V1[0]!), id: `good-${i}`, seq: 100 + i, aggregateId: `ok-${i}`, payload: { case: { ...V1[0]!.payload.case, id: `ok-${i}` }, applicant: null } });
    const base = asV2(V1[0]!);
    const results = await push([
      good(1),
      { ...base, id: 'bad-number', seq: 2, aggregateId: 'b1', payload: { case: { ...V1[0]!.payload.case, id: 'b1', caseNumber: 42 }, applicant: null } },
      { ...base, id: 'bad-status', seq: 3, aggregateId: 'b2', kind: 'case.rejected', payload: { case: { ...V1[0]!.payload.case, id: 'b2' }, applicant: null } },
      { ...base, id: 'bad-kind', seq: 4, aggregateId: 'b3', kind: 'case.teleported' },
      { ...base, id: 'bad-version', seq: 5, aggregateId: 'b4', v: 3 },
      { ...V1[0]!, id: 'bad-v1', seq: 6, aggregateId: 'b5', payload: { event: 'accepted', case: { ...V1[0]!.payload.case, id: 'b5', materials: 'none' } } },
      { ...V1[3]!, id: 'bad-owner', seq: 7, aggregateId: 'b6' }, // a rating of another case
      good(2),
    ]);
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['good-1', 'accepted'],
      ['bad-number', 'rejected'],
      ['bad-status', 'rejected'],
      ['bad-kind', 'rejected'],
      ['bad-version', 'rejected'],
      ['bad-v1', 'rejected'],
      ['bad-owner', 'rejected'],
      ['good-2', 'accepted'],
    ]);
    const reason = (id: string) => results.find((r) => r.id === id)!.reason!;
    expect(reason('bad-number')).toMatch(/「case.accepted」（第 2 版）内容格式不对.*case\.caseNumber/);
    expect(reason('bad-status')).toMatch(/case\.status/);
    expect(reason('bad-kind')).toMatch(/不认识的数据类型「case.teleported」/);
    expect(reason('bad-version')).toMatch(/第 3 版格式.*请升级中心平台/);
    expect(reason('bad-v1')).toMatch(/「case」（第 1 版）内容格式不对.*materials/);
    expect(reason('bad-owner')).toMatch(/却随 b6 上传/);
    for (const r of results.filter((x) => x.status === 'rejected')) expect(r.reason).toMatch(/已在窗口暂停上传|请升级窗口程序/);
    const stored = await storedEffects(server);
    expect(stored.cases.map((c) => c.id)).toEqual(['ok-1', 'ok-2']);
    expect(stored.received.map((r) => r.id)).toEqual(['good-1', 'good-2']);
    expect(stored.ratings).toEqual([]);
  });

  // Before the entry contract this version 1 case was accepted with its number silently dropped.
  it('refuses a version 1 case whose number is not text instead of storing it without one', async () => {
    const { server, push } = await central();
    const c = V1[0]!;
    const results = await push([{ ...c, payload: { ...c.payload, case: { ...c.payload.case, caseNumber: 20260929001 } } }]);
    expect(results[0]!.status).toBe('rejected');
    expect(await server.store.db.selectFrom('cases').selectAll().execute()).toEqual([]);
  });
});
