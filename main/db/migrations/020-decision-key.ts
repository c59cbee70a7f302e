import { sql, type Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrator';

/**
 * The key a window makes once per single-item decision attempt (受理, 容缺受理, 不予受理), kept for
 * its retries. It is unique: a retried call after a lost reply conflicts with the case the first
 * call made instead of making a second one, without a look-up on the way in. Only decided cases
 * carry one (drafts and 一件事 cases, keyed by their bundle group id, have none), hence partial.
 */
export const migration020: Migration = {
  version: 20,
  name: 'decision-key',
  async up(trx: Transaction<any>) {
    await trx.schema.alterTable('intake_case').addColumn('decision_key', 'text').execute();
    await sql`create unique index intake_case_decision_key on intake_case (decision_key) where decision_key is not null`.execute(trx);
  },
};
