import { sql, type Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrator';

/**
 * The cases of one 一件事 taking share a bundle group id, which is also the key that makes a
 * retried bundle decision return its cases instead of making new ones: every bundle decision looks
 * it up, so it gets an index (only the rows that have one).
 */
export const migration007: Migration = {
  version: 7,
  name: 'bundle-key',
  async up(trx: Transaction<any>) {
    await sql`create index intake_case_bundle_group on intake_case (bundle_group_id) where bundle_group_id is not null`.execute(trx);
  },
};
