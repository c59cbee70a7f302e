import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/**
 * Whether the window may drop its local copy of an uploaded material file (issue 16): every case
 * linking it is finished — completed at the central platform, or rejected / withdrawn at the window —
 * and has not changed for `days` (the setting `retentionDays`, the same clock as the PII purge). The
 * central's confirmation of the hash is the caller's check (upload_state), not this one's.
 */
export async function blobRetentionAllowsDelete(db: Kysely<DB>, sha256: string, opts: { days: number; now?: Date }): Promise<boolean> {
  return (await endedFiles(db, cutoffOf(opts)).where('b.sha256', '=', sha256).executeTakeFirst()) !== undefined;
}

/**
 * The uploaded files whose local copy is still held and may now be dropped (the rule above), in one
 * query: the start-up sweep asked blobRetentionAllowsDelete per held file, three queries each for
 * every file of the last weeks. The held files are found through material_blob_held (migration 017).
 */
export async function expiredLocalCopies(db: Kysely<DB>, opts: { days: number; now?: Date }): Promise<string[]> {
  return (await expiredLocalCopiesQuery(db, cutoffOf(opts)).execute()).map((r) => r.sha256);
}

export function expiredLocalCopiesQuery(db: Kysely<DB>, cutoff: string) {
  return endedFiles(db, cutoff).where('b.local_deleted_at', 'is', null).where('b.upload_state', '=', 'uploaded');
}

const cutoffOf = (opts: { days: number; now?: Date }) => new Date((opts.now ?? new Date()).getTime() - opts.days * 86_400_000).toISOString();

/** Files at least one case links, every one of those cases ended before `cutoff`. */
function endedFiles(db: Kysely<DB>, cutoff: string) {
  return db
    .selectFrom('material_blob as b')
    .select('b.sha256')
    .where((eb) => eb.exists(eb.selectFrom('case_material_file as f').select('f.case_id').whereRef('f.sha256', '=', 'b.sha256')))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('case_material_file as f')
            .innerJoin('intake_case as c', 'c.id', 'f.case_id')
            .select('c.id')
            .whereRef('f.sha256', '=', 'b.sha256')
            .where((w) =>
              w.not(
                w.and([
                  // coalesce: a NULL central status must count as not finished (NOT of NULL would let it pass).
                  w.or([w(w.fn.coalesce('c.central_status', w.val('')), 'in', ['completed_approved', 'completed_not_approved']), w('c.status', 'in', ['rejected', 'withdrawn'])]),
                  w('c.updated_at', '<', cutoff),
                ]),
              ),
            ),
        ),
      ),
    );
}
