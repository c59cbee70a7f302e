import { sql, type Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrator';

/**
 * 叫号 (issue 17): the tickets this window called, with wait (issued → called) and service
 * (called → ended) times, and the ticket each case was accepted under. At most one ticket is being
 * served at a time.
 */
export const migration013: Migration = {
  version: 13,
  name: 'queue',
  async up(trx: Transaction<any>) {
    await trx.schema
      .createTable('queue_ticket')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('http','serial')`))
      .addColumn('source_id', 'text')
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('queue_code', 'text', (c) => c.notNull())
      .addColumn('window_code', 'text', (c) => c.notNull())
      .addColumn('clerk_id', 'text', (c) => c.notNull())
      .addColumn('issued_at', 'text')
      .addColumn('called_at', 'text', (c) => c.notNull())
      .addColumn('wait_seconds', 'integer')
      .addColumn('recalls', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('serving','served','passed','transferred')`))
      .addColumn('ended_at', 'text')
      .addColumn('service_seconds', 'integer')
      .addColumn('transferred_to', 'text')
      .addCheckConstraint('ended_when_not_serving', sql`(state = 'serving') = (ended_at is null)`)
      .execute();
    await sql`create unique index queue_ticket_one_serving on queue_ticket (state) where state = 'serving'`.execute(trx);
    await trx.schema.createIndex('queue_ticket_called').on('queue_ticket').column('called_at').execute();
    await trx.schema.alterTable('intake_case').addColumn('ticket_id', 'text', (c) => c.references('queue_ticket.id')).execute();
    await trx.schema.createIndex('intake_case_ticket').on('intake_case').column('ticket_id').execute();
  },
};
