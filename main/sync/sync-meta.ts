import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

/** The `meta` keys sync owns. Kept in the window database so the CLI and the app see the same state. */
export const SYNC_KEYS = {
  centralUrl: 'sync.central_url',
  credential: 'sync.credential',
  deviceId: 'sync.device_id',
  hall: 'sync.hall',
  window: 'sync.window',
  enrolledAt: 'sync.enrolled_at',
  generation: 'sync.generation',
  generationChangedAt: 'sync.generation_changed_at',
  catalogCursor: 'sync.catalog_cursor',
  caseStatusCursor: 'sync.case_status_cursor',
  appointmentCursor: 'sync.appointment_cursor',
  lastPushAt: 'sync.last_push_at',
  lastPullAt: 'sync.last_pull_at',
  lastError: 'sync.last_error',
  lastErrorAt: 'sync.last_error_at',
  nextRetryAt: 'sync.next_retry_at',
  clockSkewMs: 'sync.clock_skew_ms',
} as const;
export type SyncKey = keyof typeof SYNC_KEYS;

type Db = Kysely<DB> | Transaction<DB>;

export async function readSyncMeta(db: Db): Promise<Partial<Record<SyncKey, string>>> {
  const rows = await db.selectFrom('meta').select(['key', 'value']).where('key', 'like', 'sync.%').execute();
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  const out: Partial<Record<SyncKey, string>> = {};
  for (const [name, key] of Object.entries(SYNC_KEYS)) {
    const v = byKey.get(key);
    if (v !== undefined) out[name as SyncKey] = v;
  }
  return out;
}

/** Sets (or with `null`, removes) sync keys; call inside the transaction that makes them true. */
export async function writeSyncMeta(db: Db, values: Partial<Record<SyncKey, string | number | null>>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const key = SYNC_KEYS[name as SyncKey];
    if (value === null || value === undefined) await db.deleteFrom('meta').where('key', '=', key).execute();
    else
      await db
        .insertInto('meta')
        .values({ key, value: String(value) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(value) }))
        .execute();
  }
}

export interface Enrolment {
  centralUrl: string;
  credential: string;
  deviceId: string;
  hall: string;
  window: string;
}

export function enrolmentOf(meta: Partial<Record<SyncKey, string>>): Enrolment | null {
  const { centralUrl, credential, deviceId, hall, window } = meta;
  if (!centralUrl || !credential || !deviceId || !hall || !window) return null;
  return { centralUrl, credential, deviceId, hall, window };
}
