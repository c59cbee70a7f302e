import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
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

/** Writes an outbox row. Call it inside the transaction that makes the change it reports. */
export async function enqueueOutbox(trx: Transaction<DB>, entry: OutboxEntry): Promise<{ id: string; seq: number }> {
  const id = entry.id ?? uuidv7();
  const row = await trx
    .insertInto('outbox')
    .values({
      id,
      kind: entry.kind,
      aggregate_id: entry.aggregateId,
      payload: JSON.stringify(entry.payload),
      created_at: new Date().toISOString(),
      last_error: null,
      parked_reason: null,
      done_at: null,
      central_result: null,
    })
    .returning('seq')
    .executeTakeFirstOrThrow();
  return { id, seq: row.seq };
}
