import { sql, type Kysely, type Transaction } from 'kysely';
import { takeTurn } from '../db/postgres';
import type { z } from 'zod';
import type * as api from '../../common/sync/api';
import type { CentralDB } from '../db/schema';
import type { DeviceIdentity } from './credentials';

type Body<T extends z.ZodType> = Omit<z.input<T>, 'generation' | 'serverTime'>;

export async function catalogSince(db: Kysely<CentralDB>, since: number, limit: number): Promise<Body<typeof api.CatalogResponse>> {
  const rows = await db.selectFrom('catalog_changes').selectAll().where('version', '>', since).orderBy('version').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  return {
    version: page.at(-1)?.version ?? since,
    more: rows.length > limit,
    changes: page.map((r) => ({ version: r.version, entity: r.entity as never, key: r.key, op: r.op as never, data: JSON.parse(r.data) })),
  };
}

export async function caseStatusSince(db: Kysely<CentralDB>, hall: string, since: number, limit: number): Promise<Body<typeof api.CaseStatusResponse>> {
  const rows = await db
    .selectFrom('case_status_changes')
    .selectAll()
    .where('hall', '=', hall)
    .where('cursor', '>', since)
    .orderBy('cursor')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  return {
    cursor: page.at(-1)?.cursor ?? since,
    more: rows.length > limit,
    changes: page.map((r) => ({
      cursor: r.cursor,
      caseId: r.case_id,
      status: r.status as never,
      at: r.at,
      note: r.note,
      centralCaseNumber: r.central_case_number,
      result: r.result ? (JSON.parse(r.result) as z.input<typeof api.CaseResult>) : null,
    })),
  };
}

export async function licencesOf(db: Kysely<CentralDB>, holderId: string): Promise<Body<typeof api.LicenceResponse>> {
  const rows = await db.selectFrom('licences').selectAll().where('holder_id', '=', holderId.toUpperCase()).orderBy('issued_on').execute();
  return {
    holderId,
    licences: rows.map((r) => ({ licenceId: r.licence_id, type: r.type, name: r.name, issuer: r.issuer, issuedOn: r.issued_on, validUntil: r.valid_until })),
  };
}

export async function creditOf(db: Kysely<CentralDB>, subject: string, subjectType: 'person' | 'enterprise'): Promise<Body<typeof api.CreditResponse>> {
  const rows = await db.selectFrom('credit_records').selectAll().where('subject', '=', subject.toUpperCase()).where('subject_type', '=', subjectType).execute();
  return { subject, subjectType, hit: rows.length > 0, records: rows.map((r) => ({ list: r.list, authority: r.authority, since: r.since, measure: r.measure })) };
}

/** Figures of one hall; `date` filters on the central day of receipt (UTC date prefix). */
export async function hallStats(db: Kysely<CentralDB>, who: DeviceIdentity, date: string | undefined): Promise<Body<typeof api.HallStatsResponse>> {
  const day = date ? `${date}%` : '%';
  const cases = await db
    .selectFrom('cases')
    .select(['window', (eb) => eb.fn.countAll<number>().as('n')])
    .where('hall', '=', who.hall)
    .where('first_received_at', 'like', day)
    .groupBy('window')
    .execute();
  const ratings = await db
    .selectFrom('ratings')
    .select(['window', 'level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('hall', '=', who.hall)
    .where('received_at', 'like', day)
    .groupBy(['window', 'level'])
    .execute();
  // The most recently seen device of each window speaks for it (a re-enrolled PC replaces the old one).
  const devices = await db
    .selectFrom('devices')
    .select(['window', 'last_seen_at', 'pending', 'parked', 'oldest_pending_at'])
    .where('hall', '=', who.hall)
    .orderBy('last_seen_at')
    .execute();
  type WindowFigures = z.input<typeof api.HallStatsResponse>['windows'][number];
  const windows = new Map<string, WindowFigures>();
  const win = (w: string) =>
    windows.get(w) ?? windows.set(w, { window: w, cases: 0, ratings: 0, lastSeenAt: null, pending: null, parked: null, oldestPendingAt: null }).get(w)!;
  const levels: Record<string, number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  for (const d of devices) Object.assign(win(d.window), { lastSeenAt: d.last_seen_at, pending: d.pending ?? null, parked: d.parked ?? null, oldestPendingAt: d.oldest_pending_at ?? null });
  for (const c of cases) win(c.window).cases += Number(c.n);
  for (const r of ratings) {
    win(r.window).ratings += Number(r.n);
    levels[String(r.level)] = (levels[String(r.level)] ?? 0) + Number(r.n);
  }
  const all = [...windows.values()].sort((a, b) => a.window.localeCompare(b.window));
  return {
    hall: who.hall,
    date: date ?? null,
    cases: all.reduce((s, w) => s + w.cases, 0),
    ratings: all.reduce((s, w) => s + w.ratings, 0),
    badRatings: (levels['4'] ?? 0) + (levels['5'] ?? 0),
    ratingLevels: levels,
    windows: all,
  };
}

export async function centralCounts(db: Kysely<CentralDB>): Promise<Body<typeof api.AdminStatsResponse>> {
  const count = async (table: 'cases' | 'ratings' | 'rectifications' | 'received' | 'devices') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    cases: await count('cases'),
    ratings: await count('ratings'),
    rectifications: await count('rectifications'),
    items: await count('received'),
    devices: await count('devices'),
  };
}

export async function allCases(db: Kysely<CentralDB>): Promise<Array<{ id: string; entries: number }>> {
  return db.selectFrom('cases').select(['id', 'entries']).orderBy('id').execute();
}

export class UnknownCaseError extends Error {}

/**
 * Catalog versions and status cursors are read as "everything after N", so a number must never
 * become visible after a larger one did. SQLite has one writer; on PostgreSQL concurrent
 * transactions could commit out of number order, so writers of these counters take turns (the lock
 * is held until commit). They are rare administrative writes.
 */
export const takeCounterTurn = (trx: Transaction<CentralDB>) => takeTurn(trx, 'counters');

/** Records a central status change, with the case's result when it carries one; the hall comes from the case as received. */
export async function recordCaseStatus(
  db: Kysely<CentralDB>,
  body: z.output<typeof api.AdminCaseStatusRequest> & { result?: z.output<typeof api.CaseResult> },
  now = new Date(),
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('cases').select('hall').where('id', '=', body.caseId).executeTakeFirst();
    if (!found) throw new UnknownCaseError(`中心平台没有办件 ${body.caseId}：请先让窗口同步该办件。`);
    await takeCounterTurn(trx);
    const row = await trx
      .insertInto('case_status_changes')
      .values({
        case_id: body.caseId,
        hall: found.hall,
        status: body.status,
        note: body.note ?? null,
        central_case_number: body.centralCaseNumber ?? null,
        at: now.toISOString(),
        result: body.result ? JSON.stringify(body.result) : null,
        result_ready: body.result ? Number(body.result.ready) : null,
      })
      .returning('cursor')
      .executeTakeFirstOrThrow();
    return row.cursor;
  });
}

/**
 * Publishes catalog changes as new versions, in one transaction. With `onlyIfEmpty` (the seed at
 * start-up) nothing is written when the catalog has versions already — checked under the writers'
 * turn, so instances starting together on one database seed it once.
 */
export async function publishCatalog(
  db: Kysely<CentralDB>,
  changes: z.output<typeof api.AdminCatalogRequest>['changes'],
  opts: { now?: Date; onlyIfEmpty?: boolean } = {},
): Promise<number> {
  const at = (opts.now ?? new Date()).toISOString();
  return db.transaction().execute(async (trx) => {
    await takeCounterTurn(trx);
    if (opts.onlyIfEmpty && !(await catalogIsEmpty(trx))) return 0;
    let version = 0;
    for (const c of changes) {
      const row = await trx
        .insertInto('catalog_changes')
        .values({ entity: c.entity, key: c.key, op: c.op, data: JSON.stringify(c.data ?? null), at })
        .returning('version')
        .executeTakeFirstOrThrow();
      version = row.version;
    }
    return version;
  });
}

export async function catalogIsEmpty(db: Kysely<CentralDB> | Transaction<CentralDB>): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from catalog_changes`.execute(db);
  return Number(rows[0]?.n ?? 0) === 0;
}
