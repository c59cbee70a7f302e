import type { Kysely } from 'kysely';
import type { CaseStatusChange } from '../../common/sync/api';
import type { DB } from '../db/schema';
import { writeSyncMeta } from './sync-meta';

/**
 * Applies one page of central case-status changes and its cursor in one transaction. A central
 * status is recorded as history (source 'central') and shown beside the window's own status; it
 * never rewrites what the window decided. Changes for cases of other windows of the hall are skipped.
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
      applied++;
    }
    await writeSyncMeta(trx, { caseStatusCursor: cursor, lastPullAt: new Date().toISOString() });
  });
  return { applied };
}
