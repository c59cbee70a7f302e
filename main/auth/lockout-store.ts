import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { afterFailure, DEFAULT_LOCKOUT, type LockoutPolicy, type LockoutState } from './lockout';

type Db = Kysely<DB> | Transaction<DB>;

/** Lockout state per account in `staff_lockout`, so a restart does not reset the count. */
export async function readLockout(db: Db, staffId: string): Promise<LockoutState> {
  const row = await db.selectFrom('staff_lockout').select(['failures', 'hold_until']).where('staff_id', '=', staffId).executeTakeFirst();
  return { failures: row?.failures ?? 0, holdUntil: row?.hold_until ?? null };
}

export async function recordFailure(db: Db, staffId: string, now: Date, policy: LockoutPolicy = DEFAULT_LOCKOUT): Promise<LockoutState> {
  const next = afterFailure(await readLockout(db, staffId), now, policy);
  const values = { failures: next.failures, hold_until: next.holdUntil, last_failure_at: now.toISOString() };
  await db
    .insertInto('staff_lockout')
    .values({ staff_id: staffId, ...values })
    .onConflict((oc) => oc.column('staff_id').doUpdateSet(values))
    .execute();
  return next;
}

export async function clearLockout(db: Db, staffId: string): Promise<void> {
  await db.deleteFrom('staff_lockout').where('staff_id', '=', staffId).execute();
}
