import type { Transaction } from 'kysely';
import { buildCaseNumber } from '../../common/domain/case-number';
import { hallDateCompact } from '../../common/domain/hall-date';
import type { DB } from '../db/schema';

/**
 * Issues the next case number of this window for the hall day of `at`. Runs inside the case's
 * transaction, so a number is used exactly when the case that carries it commits.
 */
export async function issueCaseNumber(trx: Transaction<DB>, hall: string, window: string, at: Date): Promise<string> {
  const day = hallDateCompact(at);
  const row = await trx
    .insertInto('case_sequence')
    .values({ hall_code: hall, window_code: window, day, last_seq: 1 })
    .onConflict((oc) => oc.columns(['hall_code', 'window_code', 'day']).doUpdateSet((eb) => ({ last_seq: eb('case_sequence.last_seq', '+', 1) })))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return buildCaseNumber(hall, window, day, row.last_seq);
}
