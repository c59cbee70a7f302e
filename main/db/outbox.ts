import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { queryTemplate } from './query-template';
import type { DB } from './schema';

export interface OutboxEntry {
  /** What the central side will apply: 'case', 'rating', 'rectification', 'audit', … */
  kind: string;
  /** Entries of one aggregate (a case) are pushed in order. */
  aggregateId: string;
  payload: unknown;
  /** The record's UUIDv7 if it has one; a fresh one otherwise. It is the idempotency key. */
  id?: string;
}

type OutboxRow = { id: string; kind: string; aggregate_id: string; payload: string; created_at: string };

/** Built and compiled once: every decision and rating writes one (a hot path). */
const insertOutbox = queryTemplate((db, a: { row: OutboxRow }) => db.insertInto('outbox').values(a.row).returning('seq'));

/** Writes an outbox row. Call it inside the transaction that makes the change it reports. */
export async function enqueueOutbox(trx: Transaction<DB>, entry: OutboxEntry): Promise<{ id: string; seq: number }> {
  const id = entry.id ?? uuidv7();
  const row = { id, kind: entry.kind, aggregate_id: entry.aggregateId, payload: JSON.stringify(entry.payload), created_at: new Date().toISOString() };
  const { rows } = await insertOutbox(trx, { row });
  const seq = rows[0]?.seq;
  if (seq === undefined) throw new Error('outbox insert returned no seq');
  return { id, seq };
}
