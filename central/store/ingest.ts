import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { PushItem, PushResult } from '../../common/sync/api';
import { isConstraintViolation } from '../db/errors';
import type { CentralDB } from '../db/schema';
import type { DeviceIdentity } from './credentials';
import { parseEntry, type ParsedEntry } from './payloads';

/**
 * Applies one pushed batch in one transaction. The processed key (`received`, whose primary key is
 * the idempotency key) and the effect are written in the same transaction, so a replay finds the key
 * and answers `duplicate`. Within a batch, once an item of a case is not applied, later items of that
 * case wait (per-case order). The common case runs set-based (a few multi-row statements per batch);
 * if any statement fails, that attempt is rolled back and the batch is applied item by item, each in
 * a savepoint, so one bad item is answered on its own and leaves no trace.
 */
export async function ingestBatch(db: Kysely<CentralDB>, who: DeviceIdentity, items: PushItem[], now = new Date()): Promise<PushResult[]> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    await touchDevice(trx, who, at);
    await sql`savepoint batch`.execute(trx);
    try {
      const results = await ingestSetBased(trx, who, items, at);
      await sql`release batch`.execute(trx);
      return results;
    } catch {
      await sql`rollback to batch`.execute(trx);
      await sql`release batch`.execute(trx);
      return ingestItemByItem(trx, who, items, at);
    }
  });
}

async function ingestItemByItem(trx: Transaction<CentralDB>, who: DeviceIdentity, items: PushItem[], at: string): Promise<PushResult[]> {
  const held = new Set<string>();
  const results: PushResult[] = [];
  for (const item of items) {
    if (held.has(item.aggregateId)) {
      results.push(waiting(item));
      continue;
    }
    const parsed = parseEntry(item, who);
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
}

const waiting = (item: PushItem): PushResult => ({ id: item.id, status: 'retryable', reason: '同一办件的前一条记录尚未入库，稍后按顺序重发。' });
const CHUNK = 400;

async function ingestSetBased(trx: Transaction<CentralDB>, who: DeviceIdentity, items: PushItem[], at: string): Promise<PushResult[]> {
  const held = new Set<string>();
  const results: Array<PushResult | null> = [];
  const todo: Array<{ index: number; item: PushItem; parsed: ParsedEntry }> = [];
  items.forEach((item, index) => {
    const parsed = held.has(item.aggregateId) ? null : parseEntry(item, who);
    if (!parsed) results.push(waiting(item));
    else if ('problem' in parsed) {
      held.add(item.aggregateId);
      results.push({ id: item.id, status: 'rejected', reason: parsed.problem });
    } else {
      results.push(null);
      todo.push({ index, item, parsed });
    }
  });
  const fresh = new Set<string>();
  for (let i = 0; i < todo.length; i += CHUNK) {
    const rows = todo.slice(i, i + CHUNK).map(({ item, parsed }) => ({
      id: item.id, device_id: who.deviceId, seq: item.seq, kind: parsed.entryKind, aggregate_id: item.aggregateId, created_at: item.createdAt, received_at: at,
    }));
    const inserted = await trx.insertInto('received').values(rows).onConflict((oc) => oc.column('id').doNothing()).returning('id').execute();
    for (const r of inserted) fresh.add(r.id);
  }
  const applied = todo.filter((t) => fresh.has(t.item.id));
  for (let i = 0; i < applied.length; i += CHUNK) await applyEffects(trx, who, applied.slice(i, i + CHUNK), at);
  const replayed = todo.filter((t) => !fresh.has(t.item.id)).map((t) => t.item.id);
  const firstSeen = new Map<string, string>();
  for (let i = 0; i < replayed.length; i += CHUNK) {
    const rows = await trx.selectFrom('received').select(['id', 'received_at']).where('id', 'in', replayed.slice(i, i + CHUNK)).execute();
    for (const r of rows) firstSeen.set(r.id, r.received_at);
  }
  for (const { index, item } of todo)
    results[index] = fresh.has(item.id) ? { id: item.id, status: 'accepted', receivedAt: at } : { id: item.id, status: 'duplicate', receivedAt: firstSeen.get(item.id) };
  return results as PushResult[];
}

/** The effects of newly received items, one multi-row statement per kind, in item order. */
async function applyEffects(trx: Transaction<CentralDB>, who: DeviceIdentity, batch: Array<{ item: PushItem; parsed: ParsedEntry }>, at: string): Promise<void> {
  const cases = batch.flatMap(({ parsed: e }) => (e.kind === 'case' ? [caseRow(who, e, at)] : []));
  for (const wave of waves(cases)) await upsertCases(trx, wave);
  const ratings = batch.flatMap(({ parsed: e }) =>
    e.kind === 'rating' ? [{ id: e.ratingId, case_id: e.caseId, hall: who.hall, window: who.window, level: e.level, payload: e.payload, received_at: at }] : [],
  );
  if (ratings.length) await trx.insertInto('ratings').values(ratings).execute();
  const rects = batch.flatMap(({ parsed: e }) =>
    e.kind === 'rectification' ? [{ id: e.rectificationId, case_id: e.caseId, hall: who.hall, payload: e.payload, received_at: at }] : [],
  );
  for (const wave of waves(rects)) await upsertRectifications(trx, wave);
  const records = batch.flatMap(({ item, parsed: e }) =>
    e.kind === 'record' ? [{ id: item.id, kind: e.entryKind, aggregate_id: item.aggregateId, device_id: who.deviceId, payload: e.payload, received_at: at }] : [],
  );
  if (records.length) await trx.insertInto('records').values(records).execute();
  const handovers = batch.flatMap(({ item, parsed: e }) =>
    e.kind === 'handover'
      ? [{ case_id: e.caseId, entry_id: item.id, hall: who.hall, window: who.window, device_id: who.deviceId, method: e.method, at: e.at, payload: e.payload, received_at: at }]
      : [],
  );
  // A case is handed over once: a second entry for it (a window that re-confirmed after a restore) keeps the first.
  if (handovers.length) await trx.insertInto('handovers').values(handovers).onConflict((oc) => oc.column('case_id').doNothing()).execute();
}

async function ingestItem(trx: Transaction<CentralDB>, who: DeviceIdentity, item: PushItem, parsed: ParsedEntry, at: string): Promise<PushResult> {
  await sql`savepoint item`.execute(trx);
  try {
    const inserted = await trx
      .insertInto('received')
        .values({ id: item.id, device_id: who.deviceId, seq: item.seq, kind: parsed.entryKind, aggregate_id: item.aggregateId, created_at: item.createdAt, received_at: at })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
      await sql`release item`.execute(trx);
      const first = await trx.selectFrom('received').select('received_at').where('id', '=', item.id).executeTakeFirst();
      return { id: item.id, status: 'duplicate', receivedAt: first?.received_at };
    }
    await applyEffects(trx, who, [{ item, parsed }], at);
    await sql`release item`.execute(trx);
    return { id: item.id, status: 'accepted', receivedAt: at };
  } catch (err) {
    await sql`rollback to item`.execute(trx);
    await sql`release item`.execute(trx);
    // A constraint says this record can never be stored as sent; anything else is the server's trouble.
    if (isConstraintViolation(err))
      return { id: item.id, status: 'rejected', reason: `中心平台拒收：数据与已有记录冲突（${(err as Error).message.slice(0, 120)}）。` };
    throw err;
  }
}

/**
 * Splits rows so no statement touches one id twice (PostgreSQL refuses an upsert that would update
 * a row a second time), keeping each id's rows in order: the first entry of every case, then the
 * second, and so on.
 */
export function waves<T extends { id: string }>(rows: T[]): T[][] {
  const seen = new Map<string, number>();
  const out: T[][] = [];
  for (const row of rows) {
    const n = seen.get(row.id) ?? 0;
    seen.set(row.id, n + 1);
    (out[n] ??= []).push(row);
  }
  return out;
}

type CaseRow = Insertable<CentralDB['cases']>;
const caseRow = (who: DeviceIdentity, e: Extract<ParsedEntry, { kind: 'case' }>, at: string): CaseRow => ({
  id: e.caseId,
  hall: who.hall,
  window: who.window,
  device_id: who.deviceId,
  case_number: e.caseNumber,
  item_code: e.itemCode,
  payload: e.payload,
  first_received_at: at,
  updated_at: at,
  entries: 1,
});

/** A later entry of a case (withdrawn, supplemented) replaces the payload and counts one more entry. */
async function upsertCases(trx: Transaction<CentralDB>, rows: CaseRow[]): Promise<void> {
  await trx
    .insertInto('cases')
    .values(rows)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        payload: eb.ref('excluded.payload'),
        case_number: sql`coalesce(excluded.case_number, cases.case_number)`,
        updated_at: eb.ref('excluded.updated_at'),
        entries: sql`cases.entries + 1`,
      })),
    )
    .execute();
}

async function upsertRectifications(trx: Transaction<CentralDB>, rows: Array<Insertable<CentralDB['rectifications']>>): Promise<void> {
  await trx
    .insertInto('rectifications')
    .values(rows)
    .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ payload: eb.ref('excluded.payload') })))
    .execute();
}

type DeviceFigures = Partial<Pick<CentralDB['devices'], 'pending' | 'parked' | 'oldest_pending_at' | 'clock_skew_ms'>>;

/**
 * Records that a device was seen (a push, a heartbeat with its backlog figures). A device unknown
 * to this database (enrolled before a restore) is recorded again from its credential.
 */
export async function touchDevice(db: Kysely<CentralDB>, who: DeviceIdentity, at: string, figures: DeviceFigures = {}): Promise<void> {
  const seen = { ...figures, last_seen_at: at };
  await db
    .insertInto('devices')
    .values({ id: who.deviceId, hall: who.hall, window: who.window, name: null, enrolled_at: at, ...seen })
    .onConflict((oc) => oc.column('id').doUpdateSet(seen))
    .execute();
}
