import type { Kysely, Transaction } from 'kysely';
import { batchStatement, expectation } from '../../platform/db/write-batch';
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
  noteIssued(hall, window, day, rows[0].last_seq, rows[0].serving_ticket);
  return { caseNumber: buildCaseNumber(hall, window, day, rows[0].last_seq), ticket: decisionTicketOf(rows[0].serving_ticket) };
}

/**
 * The last number this process issued per window, with the serving ticket read in that statement:
 * the guess a write batch makes for the next one (batch-decision.ts). A guess only: noted inside a
 * transaction that may still roll back, and checked by the batch itself (`numberStatements`).
 */
const lastIssued = new Map<string, { day: string; seq: number; ticketJson: string | null }>();

function noteIssued(hall: string, window: string, day: string, seq: number, ticketJson: string | null): void {
  lastIssued.set(`${hall}|${window}`, { day, seq, ticketJson });
}

export interface NumberPrediction {
  hall: string;
  window: string;
  day: string;
  seq: number;
  caseNumber: string;
  ticketJson: string | null;
  ticket: DecisionTicket | null;
}

/** The number and ticket the next decision of this window would get, if this process issued the last one today. */
export function predictNumber(hall: string, window: string, at: Date): NumberPrediction | null {
  const day = hallDateCompact(at);
  const last = lastIssued.get(`${hall}|${window}`);
  if (!last || last.day !== day) return null;
  const seq = last.seq + 1;
  return { hall, window, day, seq, caseNumber: buildCaseNumber(hall, window, day, seq), ticketJson: last.ticketJson, ticket: decisionTicketOf(last.ticketJson) };
}

/**
 * After the queue changed which ticket is served (下一位, 过号, 转移…): the guess takes the ticket
 * served now, read as the number statement reads it, so the first decision under a newly called
 * ticket does not spend a batch failing its check before its transaction.
 */
export async function refreshServingTicket(db: Kysely<DB>): Promise<void> {
  const row = await servingTicketJson(db).executeTakeFirst();
  for (const [key, last] of lastIssued) lastIssued.set(key, { ...last, ticketJson: row?.ticket ?? null });
}

/** After a batch that issued the predicted number committed. */
export function confirmNumber(p: NumberPrediction): void {
  noteIssued(p.hall, p.window, p.day, p.seq, p.ticketJson);
}

const bumpSeq = queryTemplate((db, a: { hall: string; window: string; day: string }) =>
  db
    .insertInto('case_sequence')
    .values({ hall_code: a.hall, window_code: a.window, day: a.day, last_seq: 1 })
    .onConflict((oc) => oc.columns(['hall_code', 'window_code', 'day']).doUpdateSet((eb) => ({ last_seq: eb('case_sequence.last_seq', '+', 1) }))),
);
// The serving ticket's query, compiled once (building it with kysely at every accept cost ~30 µs).
const servingTicket = queryTemplate((db, _a: Record<string, never>) => servingTicketJson(db));
const seqOf = queryTemplate((db, a: { hall: string; window: string; day: string }) =>
  db.selectFrom('case_sequence').select('last_seq').where('hall_code', '=', a.hall).where('window_code', '=', a.window).where('day', '=', a.day),
);

/**
 * A batch's statements issuing the predicted number: the same upsert as `issueCaseNumber`, then a
 * check that it gave the predicted number and that the serving ticket is the predicted one (the
 * batch aborts otherwise, nothing written).
 */
export function numberStatements(db: Kysely<DB>, p: NumberPrediction): string[] {
  const key = { hall: p.hall, window: p.window, day: p.day };
  const seq = seqOf.compile(db, key);
  const ticket = servingTicket.compile(db, {});
  return [
    batchStatement(bumpSeq.compile(db, key)),
    expectation(`(${seq.sql}) = ? AND (${ticket.sql}) IS ?`, [...seq.parameters, p.seq, ...ticket.parameters, p.ticketJson]),
  ];
}
