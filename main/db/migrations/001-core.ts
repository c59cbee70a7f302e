import { sql, type Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrator';

/** Key/value settings of this database, the outbox and the audit chain. */
export const migration001: Migration = {
  version: 1,
  name: 'core',
  async up(trx: Transaction<any>) {
    await trx.schema
      .createTable('meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();

    // The only path to the central platform. `seq` is the device's monotonic sequence number.
    await trx.schema
      .createTable('outbox')
      .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('aggregate_id', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending').check(sql`state in ('pending','parked','done')`))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .addColumn('parked_reason', 'text')
      .addColumn('done_at', 'text')
      .addColumn('central_result', 'text')
      .execute();
    await trx.schema.createIndex('outbox_state_seq').on('outbox').columns(['state', 'seq']).execute();
    await trx.schema.createIndex('outbox_aggregate_seq').on('outbox').columns(['aggregate_id', 'seq']).execute();

    // Append-only; each entry's hash covers the previous one's.
    await trx.schema
      .createTable('audit_log')
      .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('subject', 'text')
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('algorithm', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
  },
};
