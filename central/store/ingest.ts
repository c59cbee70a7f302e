import { sql, type Kysely, type Transaction } from 'kysely';
import type { PushItem, PushResult } from '../../common/sync/api';
import type { CentralDB } from '../db/schema';
import type { DeviceIdentity } from './credentials';
import { parseEntry, type ParsedEntry } from './payloads';

/**
 * Applies one pushed batch in one transaction. For each item the processed key (`received`, whose
 * primary key is the idempotency key) and the effect are written together inside a savepoint, so a
 * replay finds the key and answers `duplicate`, and an item that cannot be stored leaves no trace.
 * Within a batch, once an item of a case is not applied, later items of that case wait (per-case order).
 */
export async function ingestBatch(db: Kysely<CentralDB>, who: DeviceIdentity, items: PushItem[], now = new Date()): Promise<PushResult[]> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    await touchDevice(trx, who, at);
    const held = new Set<string>();
    const results: PushResult[] = [];
    for (const item of items) {
      if (held.has(item.aggregateId)) {
        results.push({ id: item.id, status: 'retryable', reason: '同一办件的前一条记录尚未入库，稍后按顺序重发。' });
        continue;
      }
      const parsed = parseEntry(item);
      if ('problem' in parsed) {
        held.add(item.aggregateId);
        results.push({ id: item.id, status: 'rejected', reason: parsed.problem });
        continue;
      }
      const result = await ingestItem(trx, who, item, parsed, at);
      if (result.status !== 'accepted' && result.status !== 'duplicate') held.add(item.aggregateId);
      results.push(result);
    }
    return results;
  });
}

async function ingestItem(trx: Transaction<CentralDB>, who: DeviceIdentity, item: PushItem, parsed: ParsedEntry, at: string): Promise<PushResult> {
  await sql`savepoint item`.execute(trx);
  try {
    const inserted = await trx
      .insertInto('received')
      .values({ id: item.id, device_id: who.deviceId, seq: item.seq, kind: item.kind, aggregate_id: item.aggregateId, created_at: item.createdAt, received_at: at })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
      await sql`release item`.execute(trx);
      const first = await trx.selectFrom('received').select('received_at').where('id', '=', item.id).executeTakeFirst();
      return { id: item.id, status: 'duplicate', receivedAt: first?.received_at };
    }
    await applyEffect(trx, who, item, parsed, at);
    await sql`release item`.execute(trx);
    return { id: item.id, status: 'accepted', receivedAt: at };
  } catch (err) {
    await sql`rollback to item`.execute(trx);
    await sql`release item`.execute(trx);
    // A constraint says this record can never be stored as sent; anything else is the server's trouble.
    if (err instanceof Error && /SQLITE_CONSTRAINT/.test(err.message))
      return { id: item.id, status: 'rejected', reason: `中心平台拒收：数据与已有记录冲突（${err.message.slice(0, 120)}）。` };
    throw err;
  }
}

async function applyEffect(trx: Transaction<CentralDB>, who: DeviceIdentity, item: PushItem, e: ParsedEntry, at: string): Promise<void> {
  const payload = JSON.stringify(item.payload);
  switch (e.kind) {
    case 'case':
      await trx
        .insertInto('cases')
        .values({
          id: e.caseId,
          hall: who.hall,
          window: who.window,
          device_id: who.deviceId,
          case_number: e.caseNumber,
          item_code: e.itemCode,
          payload,
          first_received_at: at,
          updated_at: at,
          entries: 1,
        })
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            payload: eb.ref('excluded.payload'),
            case_number: sql`coalesce(excluded.case_number, cases.case_number)`,
            updated_at: eb.ref('excluded.updated_at'),
            entries: sql`cases.entries + 1`,
          })),
        )
        .execute();
      return;
    case 'rating':
      await trx
        .insertInto('ratings')
        .values({ id: e.ratingId, case_id: e.caseId, hall: who.hall, window: who.window, level: e.level, payload, received_at: at })
        .execute();
      return;
    case 'rectification':
      await trx
        .insertInto('rectifications')
        .values({ id: e.rectificationId, case_id: e.caseId, hall: who.hall, payload, received_at: at })
        .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ payload: eb.ref('excluded.payload') })))
        .execute();
      return;
    case 'record':
      await trx.insertInto('records').values({ id: item.id, kind: item.kind, aggregate_id: item.aggregateId, device_id: who.deviceId, payload, received_at: at }).execute();
      return;
  }
}

/** A device unknown to this database (enrolled before a restore) is recorded again from its credential. */
async function touchDevice(trx: Transaction<CentralDB>, who: DeviceIdentity, at: string): Promise<void> {
  await trx
    .insertInto('devices')
    .values({ id: who.deviceId, hall: who.hall, window: who.window, name: null, enrolled_at: at, last_seen_at: at })
    .onConflict((oc) => oc.column('id').doUpdateSet({ last_seen_at: at }))
    .execute();
}
