import { sql, type Kysely } from 'kysely';
import type { DB } from './schema';

/**
 * When a large file's background quick_check is worth its cost (it reads the whole file: 1.6 GB for
 * five years of a window). Only when something may have damaged the file since the last good check:
 * the last writer did not close (killed, crashed, power cut: writer-lock.ts `uncleanBefore`), or
 * the last good check is older than QUICK_CHECK_MAX_AGE_MS (a disk can go bad with no crash). A
 * clean restart the same day skips it. The at-open check of small files and `db check` are not
 * affected: they always run.
 */
export const QUICK_CHECK_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** `meta` key: when quick_check last found the file ok (ISO instant). Deleted when a check finds problems. */
export const QUICK_CHECK_OK_KEY = 'db.quickCheckOkAt';

export type CheckReason = 'unclean-shutdown' | 'never-checked' | 'due';

/** Why this start checks the file, or null when it may skip it. */
export function backgroundCheckReason(uncleanBefore: boolean, lastOkAt: string | null, now: Date): CheckReason | null {
  if (uncleanBefore) return 'unclean-shutdown';
  const last = lastOkAt ? Date.parse(lastOkAt) : NaN;
  if (Number.isNaN(last)) return 'never-checked';
  // A clock set back (last check "in the future") counts as due: the age is not known.
  const age = now.getTime() - last;
  return age >= QUICK_CHECK_MAX_AGE_MS || age < 0 ? 'due' : null;
}

export async function lastQuickCheckOk(db: Kysely<DB>): Promise<string | null> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', QUICK_CHECK_OK_KEY).executeTakeFirst();
  return row?.value ?? null;
}

/** After a check: an ok verdict is remembered; any other clears it, so the next start checks again. */
export async function recordQuickCheck(db: Kysely<DB>, ok: boolean, at: Date): Promise<void> {
  if (ok)
    await db
      .insertInto('meta')
      .values({ key: QUICK_CHECK_OK_KEY, value: at.toISOString() })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql`excluded.value` }))
      .execute();
  else await db.deleteFrom('meta').where('key', '=', QUICK_CHECK_OK_KEY).execute();
}
