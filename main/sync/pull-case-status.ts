import type { Kysely, Transaction } from 'kysely';
import type { CaseResult, CaseStatusChange } from '../../common/sync/api';
import type { DB } from '../db/schema';
import { writeSyncMeta } from './sync-meta';

/**
 * Applies one page of central case-status changes and its cursor in one transaction. A central
 * status is recorded as history (source 'central') and shown beside the window's own status; it
 * never rewrites what the window decided. Changes for cases of other windows of the hall are skipped.
 * A change carrying the case's result (出件) replaces the result the window holds.
 */
export async function applyCaseStatusPage(db: Kysely<DB>, changes: CaseStatusChange[], cursor: number): Promise<{ applied: number }> {
  let applied = 0;
  await db.transaction().execute(async (trx) => {
    for (const c of changes) {
      const local = await trx.selectFrom('intake_case').select('id').where('id', '=', c.caseId).executeTakeFirst();
      if (!local) continue;
      await trx
        .updateTable('intake_case')
        .set((eb) => ({ central_status: c.status, central_number: c.centralCaseNumber ?? eb.ref('central_number') }))
        .where('id', '=', c.caseId)
        .execute();
      await trx
        .insertInto('case_history')
        .values({ case_id: c.caseId, at: c.at, source: 'central', status: c.status, detail: JSON.stringify({ note: c.note, cursor: c.cursor, centralCaseNumber: c.centralCaseNumber }) })
        .execute();
      if (c.result) await writeResult(trx, c, c.result);
      applied++;
    }
    await writeSyncMeta(trx, { caseStatusCursor: cursor, lastPullAt: new Date().toISOString() });
  });
  return { applied };
}

/** The newest result of a case; the time it first became ready is kept when a later change repeats it. */
async function writeResult(trx: Transaction<DB>, c: CaseStatusChange, r: CaseResult): Promise<void> {
  const row = {
    outcome: r.outcome,
    ready: r.ready ? 1 : 0,
    items: JSON.stringify(r.items),
    delivery: r.delivery,
    note: c.note,
    central_at: c.at,
    cursor: c.cursor,
  };
  const before = await trx.selectFrom('case_result').select('ready_at').where('case_id', '=', c.caseId).executeTakeFirst();
  const readyAt = r.ready ? (before?.ready_at ?? c.at) : null;
  await trx
    .insertInto('case_result')
    .values({ case_id: c.caseId, ...row, ready_at: readyAt })
    .onConflict((oc) => oc.column('case_id').doUpdateSet({ ...row, ready_at: readyAt }))
    .execute();
}
