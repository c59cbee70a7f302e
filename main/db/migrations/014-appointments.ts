import { sql, type Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrator';

/**
 * Appointment check-in (预约到号, issue 17): the hall's appointments pulled from the central, sealed;
 * the case an appointment led to records its id.
 */
export const migration014: Migration = {
  version: 14,
  name: 'appointments',
  async up(trx: Transaction<any>) {
    await trx.schema
      .createTable('appointment')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('hall_code', 'text', (c) => c.notNull())
      .addColumn('window_code', 'text')
      .addColumn('item_code', 'text', (c) => c.notNull())
      .addColumn('item_name', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('slot_start', 'text', (c) => c.notNull())
      .addColumn('slot_end', 'text', (c) => c.notNull())
      .addColumn('cert_type', 'text', (c) => c.notNull())
      .addColumn('name_sealed', 'text', (c) => c.notNull())
      .addColumn('id_sealed', 'text', (c) => c.notNull())
      .addColumn('id_hash', 'text', (c) => c.notNull())
      .addColumn('phone_sealed', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('booked','checked_in','no_show','cancelled')`))
      .addColumn('central_status', 'text', (c) => c.notNull())
      .addColumn('checked_in_at', 'text')
      .addColumn('checked_in_by', 'text')
      .addColumn('case_id', 'text')
      .addColumn('central_cursor', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('appointment_person_day').on('appointment').columns(['id_hash', 'date']).execute();
    await trx.schema.createIndex('appointment_day').on('appointment').columns(['date', 'slot_start']).execute();
    await trx.schema.alterTable('intake_case').addColumn('appointment_id', 'text').execute();
  },
};
