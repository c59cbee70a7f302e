import { sql, type Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrator';

/**
 * Sync state that is not a key in `meta` (enrolment, credential, cursors, generation and the last
 * push/pull/error live there as `sync.*` keys): the central catalog entities the catalog tables do
 * not keep (materials library, raw staff roster), look-ups waiting for the network, and a view of
 * parked outbox entries for maintenance tools.
 */
export const migration004: Migration = {
  version: 4,
  name: 'sync',
  async up(trx: Transaction<any>) {
    await trx.schema
      .createTable('central_catalog')
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('central_catalog_pk', ['entity', 'key'])
      .execute();

    // Look-ups made while offline, re-checked when the network returns.
    await trx.schema
      .createTable('sync_lookup')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('licences','credit')`))
      // Sealed with the PII cipher when one is configured; the keyed hash finds an open re-check.
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('subject_hash', 'text', (c) => c.notNull())
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending').check(sql`state in ('pending','done')`))
      .addColumn('checked_at', 'text')
      .addColumn('result', 'text')
      .execute();
    await trx.schema.createIndex('sync_lookup_state').on('sync_lookup').columns(['state', 'id']).execute();

    await sql`create view outbox_parked as
      select seq, id, kind, aggregate_id, created_at, attempts, parked_reason, last_error
      from outbox where state = 'parked'`.execute(trx);
  },
};
