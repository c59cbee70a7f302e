import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { SyncTicket } from '../../common/sync/entries';
import { appendAudit } from '../audit/chain';
import { enqueueOutbox } from '../db/outbox';
import type { QueueTicketTable } from '../db/migrations/013-queue.tables';
import type { DB } from '../db/schema';
import type { CalledTicket } from './adapter';

export type TicketRow = Selectable<QueueTicketTable>;
type Db = Kysely<DB> | Transaction<DB>;

/**
 * The query of the serving ticket. 'serving' is a literal: the partial index queue_ticket_one_serving
 * (where state = 'serving') serves only a query naming that value; bound as a parameter the query
 * scanned every ticket of the years held, at start and in every decision's transaction.
 */
export function servingTicketQuery(db: Db) {
  return db.selectFrom('queue_ticket').selectAll().where('state', '=', sql.lit('serving'));
}

/** The ticket being served at this window now, if any. */
export function servingTicket(db: Db): Promise<TicketRow | undefined> {
  return servingTicketQuery(db).executeTakeFirst();
}

export type DecisionTicket = { ticketId: string; sync: SyncTicket };

/**
 * For a decision on a case (intake): the ticket being served as one JSON value (null for a walk-in),
 * read inside the decision's transaction by the statement that issues the case number (one round
 * trip fewer than a select of its own), so the case and its ticket are one commit. `decisionTicketOf`
 * turns it into the ticket as the case carries it to the central, and the link written on the case row.
 */
export const servingTicketJson = (db: Kysely<DB>) =>
  db
    .selectFrom('queue_ticket')
    .select(
      sql<string | null>`json_object('id', id, 'number', number, 'queue', queue_code, 'issuedAt', issued_at, 'calledAt', called_at, 'waitSeconds', wait_seconds)`.as('ticket'),
    )
    .where('state', '=', 'serving');

export function decisionTicketOf(json: string | null): DecisionTicket | null {
  if (json === null) return null;
  const sync = JSON.parse(json) as SyncTicket;
  return { ticketId: sync.id, sync };
}

/** The ticket of a case (for its rating), or null. */
export async function ticketOfCase(db: Db, caseId: string): Promise<TicketRow | undefined> {
  return db.selectFrom('intake_case as c').innerJoin('queue_ticket as t', 't.id', 'c.ticket_id').selectAll('t').where('c.id', '=', caseId).executeTakeFirst();
}

export function syncTicket(t: TicketRow): SyncTicket {
  return { id: t.id, number: t.number, queue: t.queue_code, issuedAt: t.issued_at, calledAt: t.called_at, waitSeconds: t.wait_seconds };
}

export interface Who {
  actorId: string;
  hallCode: string;
  windowCode: string;
}

/** Ends the ticket being served (served, passed or transferred), with its outbox row and audit entry. */
export async function endServing(trx: Transaction<DB>, outcome: 'served' | 'passed' | 'transferred', at: Date, who: Who, transferredTo: string | null = null): Promise<TicketRow | null> {
  const t = await servingTicket(trx);
  if (!t) return null;
  const endedAt = at.toISOString();
  const serviceSeconds = Math.max(0, Math.round((at.getTime() - Date.parse(t.called_at)) / 1000));
  await trx.updateTable('queue_ticket').set({ state: outcome, ended_at: endedAt, service_seconds: serviceSeconds, transferred_to: transferredTo }).where('id', '=', t.id).execute();
  const cases = await trx.selectFrom('intake_case').select('id').where('ticket_id', '=', t.id).execute();
  await enqueueOutbox(trx, {
    kind: 'queue.ticketEnded',
    aggregateId: `ticket:${t.id}`,
    payload: {
      ...syncTicket(t),
      hallCode: who.hallCode,
      windowCode: who.windowCode,
      clerkId: t.clerk_id,
      outcome,
      endedAt,
      serviceSeconds,
      recalls: t.recalls,
      transferredTo,
      caseIds: cases.map((c) => c.id),
    },
  });
  if (outcome !== 'served')
    await appendAudit(trx, { actor: who.actorId, action: `queue.${outcome === 'passed' ? 'pass' : 'transfer'}`, subject: t.id, detail: { number: t.number, transferredTo } });
  return { ...t, state: outcome, ended_at: endedAt, service_seconds: serviceSeconds, transferred_to: transferredTo };
}

/** 下一位: the current ticket is served, the called one is now being served. One transaction. */
export async function recordCall(db: Kysely<DB>, called: CalledTicket | null, source: 'http' | 'serial', at: Date, who: Who): Promise<TicketRow | null> {
  return db.transaction().execute(async (trx) => {
    const ended = await endServing(trx, 'served', at, who);
    let row: TicketRow | null = null;
    if (called) {
      row = {
        id: uuidv7(),
        source,
        source_id: called.sourceId,
        number: called.number,
        queue_code: called.queue,
        window_code: who.windowCode,
        clerk_id: who.actorId,
        issued_at: called.issuedAt,
        called_at: called.calledAt,
        wait_seconds: called.waitSeconds,
        recalls: 0,
        state: 'serving',
        ended_at: null,
        service_seconds: null,
        transferred_to: null,
      };
      await trx.insertInto('queue_ticket').values(row).execute();
    }
    await appendAudit(trx, {
      actor: who.actorId,
      action: 'queue.next',
      subject: row?.id ?? null,
      detail: { number: row?.number ?? null, waitSeconds: row?.wait_seconds ?? null, ended: ended?.number ?? null },
    });
    return row;
  });
}

export async function recordRecall(db: Kysely<DB>, t: TicketRow, actorId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('queue_ticket').set({ recalls: t.recalls + 1 }).where('id', '=', t.id).execute();
    await appendAudit(trx, { actor: actorId, action: 'queue.recall', subject: t.id, detail: { number: t.number, recalls: t.recalls + 1 } });
  });
}

export async function recordPause(db: Kysely<DB>, paused: boolean, actorId: string): Promise<void> {
  await db.transaction().execute((trx) => appendAudit(trx, { actor: actorId, action: paused ? 'queue.pause' : 'queue.resume', subject: null, detail: {} }));
}

/** Today's figures of this window (hall day from `since`, an ISO time). */
export async function todayFigures(db: Kysely<DB>, since: string) {
  const rows = await db
    .selectFrom('queue_ticket')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.avg<number>('wait_seconds').as('wait'), (eb) => eb.fn.avg<number>('service_seconds').as('service')])
    .where('called_at', '>=', since)
    .groupBy('state')
    .execute();
  const by = new Map(rows.map((r) => [r.state, r]));
  const finished = rows.filter((r) => r.state !== 'serving');
  const total = finished.reduce((s, r) => s + Number(r.n), 0);
  const avg = (k: 'wait' | 'service') => (total ? Math.round(finished.reduce((s, r) => s + Number(r[k] ?? 0) * Number(r.n), 0) / total) : null);
  return {
    served: Number(by.get('served')?.n ?? 0),
    passed: Number(by.get('passed')?.n ?? 0),
    transferred: Number(by.get('transferred')?.n ?? 0),
    avgWaitSeconds: avg('wait'),
    avgServiceSeconds: avg('service'),
  };
}
