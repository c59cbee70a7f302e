import { sql, type Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrator';

/** Staff roster cache (from the central platform, or the first-run maintenance account), lockout state, retention log. */
export const migration005: Migration = {
  version: 5,
  name: 'staff',
  async up(trx: Transaction<any>) {
    await trx.schema
      .createTable('staff')
      .addColumn('staff_id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      // JSON array of roles: clerk, supervisor, maintenance.
      .addColumn('roles', 'text', (c) => c.notNull())
      // scrypt hash with its parameters; null = no local password (cannot sign in on this window).
      .addColumn('password_hash', 'text')
      .addColumn('password_changed_at', 'text')
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('central','setup')`))
      .addColumn('roster_version', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await trx.schema
      .createTable('staff_lockout')
      .addColumn('staff_id', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('hold_until', 'text')
      .addColumn('last_failure_at', 'text')
      .execute();

    // Cases whose applicant PII the retention sweep removed (the case shell stays).
    await trx.schema
      .createTable('retention_purge')
      .addColumn('case_id', 'text', (c) => c.primaryKey())
      .addColumn('purged_at', 'text', (c) => c.notNull())
      .addColumn('days', 'integer', (c) => c.notNull())
      .execute();
  },
};
