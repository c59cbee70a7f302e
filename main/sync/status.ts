import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ParkedEntrySchema, SyncProgressSchema, SyncStateSchema, SyncStatusSchema } from '../../common/contract/sync';
import type { DB } from '../db/schema';
import { backlog } from './outbox-batch';
import { enrolmentOf, readSyncMeta } from './sync-meta';

export type SyncState = z.infer<typeof SyncStateSchema>;
export type SyncProgress = z.infer<typeof SyncProgressSchema>;
export type SyncStatus = z.infer<typeof SyncStatusSchema>;
export type ParkedEntry = z.infer<typeof ParkedEntrySchema>;

/**
 * What maintenance staff and the supervisor see. Reads only the database, so `sync status` in
 * another process shows the same figures as the app; `live` adds what only the running engine knows.
 */
export async function readSyncStatus(db: Kysely<DB>, live: { state?: SyncState; progress?: SyncProgress | null } = {}): Promise<SyncStatus> {
  const meta = await readSyncMeta(db);
  const b = await backlog(db);
  const lookups = await db.selectFrom('sync_lookup').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'pending').executeTakeFirst();
  const enrolment = enrolmentOf(meta);
  const derived: SyncState = !enrolment ? 'unenrolled' : meta.lastError ? (meta.nextRetryAt ? 'backoff' : 'error') : 'idle';
  return {
    enrolled: Boolean(enrolment),
    centralUrl: meta.centralUrl ?? null,
    hall: meta.hall ?? null,
    window: meta.window ?? null,
    state: live.state ?? derived,
    pending: b.pending,
    parked: b.parked,
    oldestPendingAt: b.oldestPendingAt,
    backlogAgeSeconds: b.oldestPendingAt ? Math.max(0, Math.round((Date.now() - Date.parse(b.oldestPendingAt)) / 1000)) : null,
    lastPushAt: meta.lastPushAt ?? null,
    lastPullAt: meta.lastPullAt ?? null,
    lastError: meta.lastError ?? null,
    nextRetryAt: meta.nextRetryAt ?? null,
    generation: meta.generation ?? null,
    generationChangedAt: meta.generationChangedAt ?? null,
    clockSkewMs: meta.clockSkewMs !== undefined ? Number(meta.clockSkewMs) : null,
    catalogCursor: Number(meta.catalogCursor ?? 0),
    caseStatusCursor: Number(meta.caseStatusCursor ?? 0),
    lookupsQueued: Number(lookups?.n ?? 0),
    progress: live.progress ?? null,
  };
}

export async function listParked(db: Kysely<DB>, limit = 200): Promise<ParkedEntry[]> {
  const rows = await db.selectFrom('outbox').selectAll().where('state', '=', 'parked').orderBy('seq').limit(limit).execute();
  return rows.map((r) => ({ seq: r.seq, id: r.id, kind: r.kind, aggregateId: r.aggregate_id, createdAt: r.created_at, attempts: r.attempts, reason: r.parked_reason ?? '' }));
}

/** Puts parked entries back in the queue (after the cause was fixed, e.g. the central side upgraded). */
export async function retryParked(db: Kysely<DB>, seqs?: number[]): Promise<number> {
  let q = db.updateTable('outbox').set({ state: 'pending', parked_reason: null }).where('state', '=', 'parked');
  if (seqs) {
    if (seqs.length === 0) return 0;
    q = q.where('seq', 'in', seqs);
  }
  return Number((await q.executeTakeFirst()).numUpdatedRows);
}
