import type { CompiledQuery, Kysely, Transaction } from 'kysely';
import { uuidv7 } from '../crypto/uuidv7';
import { describeEntryProblem, storedPayloads, type EntryKind, type StoredPayload } from '../../common/sync/entries';
import { queryTemplate } from './query-template';
import type { DB } from './schema';

/** One entry for the central platform; `payload` must match its kind (common/sync/entries.ts). */
export type OutboxEntry = {
  [K in EntryKind]: {
    kind: K;
    /** Entries of one aggregate (a case) are pushed in order. */
    aggregateId: string;
    payload: StoredPayload<K>;
    /** The record's UUIDv7 if it has one; a fresh one otherwise. It is the idempotency key. */
    id?: string;
  };
}[EntryKind];

/** An outbox row ready to insert: checked and serialised (see `outboxRow`). */
export type OutboxRow = { id: string; kind: string; aggregate_id: string; payload: string; created_at: string };

/** Built and compiled once: every decision and rating writes one (a hot path). */
const insertOutbox = queryTemplate((db, a: { row: OutboxRow }) => db.insertInto('outbox').values(a.row).returning('seq'));

/** Under Vitest every written payload is also checked against the contract at run time. */
const CHECK_AT_RUN_TIME = Boolean(process.env.VITEST);

/** Writes an outbox row. Call it inside the transaction that makes the change it reports. */
export async function enqueueOutbox(trx: Transaction<DB>, entry: OutboxEntry): Promise<{ id: string; seq: number }> {
  return insertOutboxRow(trx, outboxRow(entry));
}

/**
 * The row of an entry, checked and serialised without touching the database: a hot path builds it
 * while its transaction's other statements run, then inserts it with `insertOutboxRow`.
 */
export function outboxRow(entry: OutboxEntry): OutboxRow {
  if (CHECK_AT_RUN_TIME) {
    const r = storedPayloads[entry.kind].safeParse(entry.payload);
    if (!r.success) throw new Error(`outbox entry ${entry.kind} breaks the entry contract: ${describeEntryProblem(r.error)}`);
  }
  return { id: entry.id ?? uuidv7(), kind: entry.kind, aggregate_id: entry.aggregateId, payload: JSON.stringify(entry.payload), created_at: new Date().toISOString() };
}

/** Inserts a row made by `outboxRow`, inside the transaction that makes the change it reports. */
export async function insertOutboxRow(trx: Transaction<DB>, row: OutboxRow): Promise<{ id: string; seq: number }> {
  const { rows } = await insertOutbox(trx, { row });
  const seq = rows[0]?.seq;
  if (seq === undefined) throw new Error('outbox insert returned no seq');
  return { id: row.id, seq };
}

/** The insert of a row made by `outboxRow`, compiled for a write batch (platform/db/write-batch.ts). */
export function insertOutboxStatement(db: Kysely<DB>, row: OutboxRow): CompiledQuery {
  return insertOutbox.compile(db, { row });
}
