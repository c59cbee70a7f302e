import { sql, type Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrator';

/**
 * Years of cases: the retention sweep (main/retention/purge.ts, every six hours from 30 s after
 * start) looks for the oldest cases still holding applicant data. Without an index it read and
 * sorted every case on the one connection (0.5–1 s at 250k, the clerk's queries waiting behind it),
 * and in a window whose old cases are all purged it would still read them all. This partial index
 * holds only the cases with sealed applicant data, by last change: the sweep walks it from the
 * oldest and stops at its limit. Its WHERE is the sweep's, term for term (SQLite uses a partial
 * index only for a query that names the same condition).
 *
 * material_blob_held does the same for the material files whose local copy is still held (the
 * copies of the last weeks, not every file of the years): the start-up sweep of expired copies
 * (main/retention/blob-retention.ts expiredLocalCopies) and the uploader's pending list read it.
 * No table changes.
 */
export const migration017: Migration = {
  version: 17,
  name: 'held-data-indexes',
  async up(trx: Transaction<any>) {
    await sql`create index intake_case_pii_held on intake_case (updated_at)
      where applicant_name_sealed is not null or applicant_id_sealed is not null or applicant_phone_sealed is not null
         or applicant_address_sealed is not null or legal_rep_name_sealed is not null or legal_rep_id_sealed is not null`.execute(trx);
    await sql`create index material_blob_held on material_blob (upload_state, sha256) where local_deleted_at is null`.execute(trx);
  },
};
