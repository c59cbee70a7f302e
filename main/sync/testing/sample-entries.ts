import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { CaseSnapshot } from '../../../common/sync/entries';
import type { OutboxEntry } from '../../db/outbox';
import type { DB } from '../../db/schema';

/** A decided case as intake writes it, small and valid (tests and benchmarks that need many). */
export function sampleCase(id: string, caseNumber: string, over: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    id,
    caseNumber,
    status: 'accepted',
    itemCode: 'ITEM-1',
    itemName: '测试事项',
    catalogVersion: 1,
    promisedLimit: '3个工作日',
    hallCode: 'H01',
    windowCode: 'W01',
    clerkId: 'clerk01',
    bundleId: null,
    bundleGroupId: null,
    applicantKind: null,
    uscc: null,
    createdAt: '2026-01-05T02:00:00.000Z',
    acceptedAt: '2026-01-05T02:00:00.000Z',
    decidedAt: '2026-01-05T02:00:00.000Z',
    updatedAt: '2026-01-05T02:00:00.000Z',
    promisedDate: '2026-01-08',
    promisedProvisional: false,
    rejectReason: null,
    withdrawReason: null,
    commitmentNote: null,
    materials: [],
    ...over,
  };
}

/** `case.accepted` of `sampleCase`, with no applicant. */
export const acceptedEntry = (id: string, caseNumber: string): Extract<OutboxEntry, { kind: 'case.accepted' }> => ({
  kind: 'case.accepted',
  aggregateId: id,
  id,
  payload: { case: { ...sampleCase(id, caseNumber), status: 'accepted' }, applicantSealed: null },
});

export const ratingEntry = (caseId: string, level: number): OutboxEntry => ({
  kind: 'rating.created',
  aggregateId: caseId,
  payload: { id: `${caseId}-r`, caseId, caseNumber: null, level, reasons: [], text: null, channel: 'evaluator', at: '2026-01-05T02:05:00.000Z' },
});

/**
 * An outbox row written around the typed writer: what an older window's outbox still holds (the
 * version 1 kinds) or what a faulty writer could leave. Tests only.
 */
export async function queueRaw(trx: Transaction<DB>, row: { kind: string; aggregateId: string; payload: unknown; id?: string }): Promise<void> {
  await trx
    .insertInto('outbox')
    .values({ id: row.id ?? uuidv7(), kind: row.kind, aggregate_id: row.aggregateId, payload: JSON.stringify(row.payload), created_at: new Date().toISOString() })
    .execute();
}
