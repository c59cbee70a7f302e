import type { Transaction } from 'kysely';
import { buildCaseNumber } from '../../common/domain/case-number';
import { hallDateCompact } from '../../common/domain/hall-date';
import { queryTemplate } from '../db/query-template';
import type { DB } from '../db/schema';
import { decisionTicketOf, servingTicketJson, type DecisionTicket } from '../queue/ticket-store';

const nextSeq = queryTemplate((db, a: { hall: string; window: string; day: string }) =>
  db
    .insertInto('case_sequence')
    .values({ hall_code: a.hall, window_code: a.window, day: a.day, last_seq: 1 })
    .onConflict((oc) => oc.columns(['hall_code', 'window_code', 'day']).doUpdateSet((eb) => ({ last_seq: eb('case_sequence.last_seq', '+', 1) })))
    // 叫号: the ticket being served, read in the same statement (one round trip fewer per decision).
    .returning(['last_seq', servingTicketJson(db).as('serving_ticket')]),
);

/**
 * Issues the next case number of this window for the hall day of `at`, and reads the queue ticket
 * being served now (a walk-in has none). Runs inside the case's transaction, so a number is used
 * exactly when the case that carries it commits, and the case and its ticket are one commit.
 */
export async function issueCaseNumber(trx: Transaction<DB>, hall: string, window: string, at: Date): Promise<{ caseNumber: string; ticket: DecisionTicket | null }> {
  const day = hallDateCompact(at);
  const { rows } = await nextSeq(trx, { hall, window, day });
  if (!rows[0]) throw new Error('case_sequence returned no row');
  return { caseNumber: buildCaseNumber(hall, window, day, rows[0].last_seq), ticket: decisionTicketOf(rows[0].serving_ticket) };
}
