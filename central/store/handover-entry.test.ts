import { describe, expect, it } from 'vitest';
import { parseEntry } from './payloads';

const who = { deviceId: 'dev-1', hall: 'HK01', window: 'W03' };
const base = { caseId: 'c1', caseNumber: 'HK01-W03-20261201-0001', clerkId: 'clerk01', at: '2026-12-01T03:00:00.000Z' };
const item = (payload: unknown) => ({ id: 'e1', seq: 1, kind: 'case.handedOver', v: 2, aggregateId: 'c1', createdAt: base.at, payload });
const collected = { ...base, method: 'window', collector: 'agent', overrideReason: null, carrier: null, trackingNumber: null };

describe('case.handedOver at the central (出件)', () => {
  it('takes a collection and a post as a handover effect of the case', () => {
    expect(parseEntry(item(collected), who)).toMatchObject({ kind: 'handover', caseId: 'c1', method: 'window', entryKind: 'case.handedOver' });
    const posted = { ...base, method: 'post', collector: null, overrideReason: null, carrier: '中国邮政 EMS', trackingNumber: 'EL123456789CN' };
    expect(parseEntry(item(posted), who)).toMatchObject({ kind: 'handover', method: 'post' });
  });

  it('refuses, in Chinese, a post without a tracking number, a collection without a collector, an override without a reason, another case', () => {
    const bad = [
      { ...collected, method: 'post' },
      { ...collected, collector: null },
      { ...collected, collector: 'override' },
    ];
    for (const p of bad) expect(parseEntry(item(p), who)).toMatchObject({ problem: expect.stringMatching(/内容格式不对/) });
    expect(parseEntry({ ...item(collected), aggregateId: 'c2' }, who)).toMatchObject({ problem: expect.stringMatching(/属于 c1/) });
  });
});
