import type { Transaction } from 'kysely';
import { buildCaseNumber } from '../../common/domain/case-number';
import { hallDateCompact } from '../../common/domain/hall-date';
import { queryTemplate } from '../db/query-template';
import type { DB } from '../db/schema';

const nextSeq = queryTemplate((db, a: { hall: string; window: string; day: string }) =>
  db
    .insertInto('case_sequence')
    .values({ hall_code: a.hall, window_code: a.window, day: a.day, last_seq: 1 })
    .onConflict((oc) => oc.columns(['hall_code', 'window_code', 'day']).doUpdateSet((eb) => ({ last_seq: eb('case_sequence.last_seq', '+', 1) })))
    .returning('last_seq'),
);

/**
 * Issues the next case number of this window for the hall day of `at`. Runs inside the case's
 * transaction, so a number is used exactly when the case that carries it commits.
 */
export async function issueCaseNumber(trx: Transaction<DB>, hall: string, window: string, at: Date): Promise<string> {
  const day = hallDateCompact(at);
  const { rows } = await nextSeq(trx, { hall, window, day });
  if (!rows[0]) throw new Error('case_sequence returned no row');
  return buildCaseNumber(hall, window, day, rows[0].last_seq);
}
