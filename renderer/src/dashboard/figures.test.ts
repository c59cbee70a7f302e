import { describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../../common/contract/cases';
import { computeFigures, weekStart } from './figures';

const base: CaseSummary = {
  id: 'x', caseNumber: 'A-B-20261127-0001', centralNumber: null, status: 'accepted', statusLabel: '已受理', centralStatus: null,
  itemCode: 'I1', itemName: '居住证申领', applicantKind: 'person', applicantName: '王**', createdAt: '2026-11-27T01:00:00Z',
  acceptedAt: '2026-11-27T01:06:00Z', decidedAt: null, promisedDate: '2026-12-08', promisedProvisional: false,
  deferredOutstanding: 0, ratingLevel: null, sync: { state: 'pending', pending: 1, lastError: null, syncedAt: null },
};

describe('local hall figures', () => {
  it('finds the Monday of the hall week', () => {
    expect(weekStart('2026-11-27')).toBe('2026-11-23'); // a Friday
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // Sunday belongs to the week before it
  });

  it('counts by hall hour, day and item; satisfaction over rated cases; drafts left out', () => {
    const cases: CaseSummary[] = [
      { ...base, id: '1', ratingLevel: 1 },
      { ...base, id: '2', ratingLevel: 5, itemName: '失业登记', sync: { ...base.sync, state: 'synced' } },
      { ...base, id: '3', createdAt: '2026-11-24T02:00:00Z', acceptedAt: '2026-11-24T02:02:00Z', deferredOutstanding: 1 },
      { ...base, id: '4', status: 'draft', acceptedAt: null },
      { ...base, id: '5', createdAt: '2026-11-20T02:00:00Z' }, // last week
    ];
    const f = computeFigures(cases, '2026-11-27');
    expect(f.todayCount).toBe(2);
    expect(f.weekCount).toBe(3);
    expect(f.byHour[9]).toBe(2); // 01:00Z is 09:00 in the hall
    expect(f.byDay.map((d) => d.count)).toEqual([0, 1, 0, 0, 2]);
    expect(f.byItem[0]).toEqual({ name: '居住证申领', count: 2 });
    expect(f.ratings).toEqual([1, 0, 0, 0, 1]);
    expect(f.satisfaction).toBe(0.5);
    expect(f.avgHandlingMinutes).toBeCloseTo((6 + 6 + 2) / 3);
    expect(f.deferredOpen).toBe(1);
    expect(f.backlog).toEqual({ pending: 4, parked: 0, synced: 1, local: 0 });
  });
});
