import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/**
 * Whether the window may drop its local copy of an uploaded material file (issue 16): every case
 * linking it is finished — completed at the central platform, or rejected / withdrawn at the window —
 * and has not changed for `days` (the setting `retentionDays`, the same clock as the PII purge). The
 * central's confirmation of the hash is the caller's check (upload_state), not this one's.
 */
export async function blobRetentionAllowsDelete(db: Kysely<DB>, sha256: string, opts: { days: number; now?: Date }): Promise<boolean> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - opts.days * 86_400_000).toISOString();
  const cases = await db
    .selectFrom('case_material_file as f')
    .innerJoin('intake_case as c', 'c.id', 'f.case_id')
    .select(['c.status', 'c.central_status', 'c.updated_at'])
    .where('f.sha256', '=', sha256)
    .execute();
  if (cases.length === 0) return false;
  return cases.every(
    (c) => (c.central_status === 'completed_approved' || c.central_status === 'completed_not_approved' || c.status === 'rejected' || c.status === 'withdrawn') && c.updated_at < cutoff,
  );
}
