import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withIdCheckChar } from '../../common/domain/id-number';
import { writeIntakeConfig } from '../intake/intake-config';
import { itemCode, openTestStack, type TestStack } from '../intake/testing';

let s: TestStack;
beforeEach(async () => {
  // Friday 2026-02-13 in the hall, the last working day before the Spring Festival holiday.
  s = await openTestStack({ now: new Date('2026-02-13T03:00:00Z') });
});
afterEach(async () => s.close());

async function acceptOne(): Promise<string> {
  const code = itemCode(s, '内地居民结婚登记');
  const materials = (await s.catalog.materials(code)).map((m) => ({ code: m.code, state: 'received' as const }));
  const applicant = { kind: 'person' as const, idType: 'resident' as const, idNumber: withIdCheckChar('46010219900101002'), name: '林晓' };
  return (await s.intake.accept({ itemCode: code, applicant, materials }, s.actor)).caseId;
}

describe('好差评 and rectification', () => {
  it('a good rating is outboxed and opens nothing', async () => {
    const caseId = await acceptOne();
    const r = await s.reviews.rate({ caseId, level: 1, reasons: [], channel: 'evaluator' }, 'clerk01');
    expect(r.rectification).toBeNull();
    const rows = await s.db.selectFrom('outbox').select(['kind', 'id']).where('kind', '=', 'rating.created').execute();
    expect(rows).toEqual([{ kind: 'rating.created', id: r.ratingId }]);
    await expect(s.reviews.rate({ caseId, level: 2, reasons: [], channel: 'screen' }, 'clerk01')).rejects.toThrow(/一次一评/);
  });

  it('a bad rating opens a rectification due in 5 working days across the Spring Festival', async () => {
    const caseId = await acceptOne();
    const r = await s.reviews.rate({ caseId, level: 5, reasons: ['等候时间长'], text: '排队一个小时', channel: 'qr' }, 'clerk01');
    // 02-14 (make-up Saturday), 02-24, 02-25, 02-26, 02-27.
    expect(r.rectification).toMatchObject({ deadline: '2026-02-27', deadlineProvisional: false });
    const list = await s.reviews.list({ state: 'open', limit: 10 });
    expect(list).toMatchObject({ openCount: 1, overdueCount: 0 });
    expect(list.items[0]).toMatchObject({ level: 5, levelLabel: '非常不满意', reasons: ['等候时间长'], overdue: false });

    s.clock.now = new Date('2026-03-02T03:00:00Z');
    expect((await s.reviews.list({ state: 'overdue', limit: 10 })).items).toHaveLength(1);
    const closed = await s.reviews.close({ id: r.rectification!.id, note: '已向申请人致歉，增开窗口分流', followUpResult: 'satisfied' }, 'supervisor01');
    expect(closed).toMatchObject({ state: 'closed', closedBy: 'supervisor01', followUpResult: 'satisfied', overdue: false });
    await expect(s.reviews.close({ id: r.rectification!.id, note: 'x', followUpResult: 'satisfied' }, 'supervisor01')).rejects.toThrow(/已经办结/);
    const kinds = (await s.db.selectFrom('outbox').select('kind').orderBy('seq').execute()).map((o) => o.kind);
    expect(kinds).toEqual(['case.accepted', 'rating.created', 'rectification.opened', 'rectification.closed']);
  });

  it('uses the configured number of working days (15 is also in use)', async () => {
    await writeIntakeConfig(s.db, { rectificationWorkdays: 15 });
    const caseId = await acceptOne();
    const r = await s.reviews.rate({ caseId, level: 4, reasons: [], channel: 'screen' }, 'clerk01');
    // 02-14; 02-24 … 02-28 (make-up Saturday); 03-02 … 03-06; 03-09 … 03-12.
    expect(r.rectification!.deadline).toBe('2026-03-12');
  });
});
