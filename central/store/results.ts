import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type * as api from '../../common/sync/api';
import { STATUS_OF_OUTCOME } from '../../common/domain/case-result';
import type { CentralDB } from '../db/schema';
import type { DeviceIdentity } from './credentials';
import { recordCaseStatus } from './queries';

/**
 * Results of cases (出件), as the back office records them: the decision becomes the case's central
 * status (办结 / 不予许可) and the result travels with that status change to the hall's windows.
 */
export async function recordCaseResult(db: Kysely<CentralDB>, body: z.output<typeof api.AdminCaseResultRequest>, now = new Date()): Promise<number> {
  const { caseId, note, centralCaseNumber, ...result } = body;
  return recordCaseStatus(db, { caseId, status: STATUS_OF_OUTCOME[result.outcome], note, centralCaseNumber, result }, now);
}

/**
 * The hall's results that are ready (已制证) and not handed over yet, oldest first: the newest change
 * carrying a result decides, and a case with a handover row is done.
 */
export async function hallPendingHandovers(db: Kysely<CentralDB>, who: DeviceIdentity, limit: number): Promise<Omit<z.input<typeof api.HallHandoverResponse>, 'generation' | 'serverTime'>> {
  const rows = await db
    .selectFrom('case_status_changes as s')
    .innerJoin('cases as c', 'c.id', 's.case_id')
    .select(['s.case_id', 's.status', 's.result', 's.at', 'c.case_number', 'c.window', 'c.item_code'])
    .where('s.hall', '=', who.hall)
    .where('s.result', 'is not', null)
    .where('s.cursor', '=', (eb) =>
      eb.selectFrom('case_status_changes as n').select((n) => n.fn.max('n.cursor').as('m')).whereRef('n.case_id', '=', 's.case_id').where('n.result', 'is not', null),
    )
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('handovers as h').select(sql`1`.as('one')).whereRef('h.case_id', '=', 's.case_id'))))
    .where('s.result_ready', '=', 1)
    .orderBy('s.cursor')
    .limit(limit + 1)
    .execute();
  return {
    hall: who.hall,
    more: rows.length > limit,
    cases: rows.slice(0, limit).map((r) => ({
      caseId: r.case_id,
      caseNumber: r.case_number,
      window: r.window,
      itemCode: r.item_code,
      status: r.status as never,
      result: JSON.parse(r.result!) as z.input<typeof api.CaseResult>,
      readyAt: r.at,
    })),
  };
}
