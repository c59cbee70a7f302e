import { sql, type Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrator';
import { isPostgres } from '../postgres';

/**
 * Appointments (预约到号, issue 17): booked per hall (optionally one window), pulled by the windows
 * of the hall after a cursor, checked in by a window's `appointment.checkedIn` entry.
 */
export const migration005: Migration = {
  version: 5,
  name: 'appointments',
  async up(trx: Transaction<any>) {
    const pg = isPostgres(trx);
    await trx.schema
      .createTable('appointment_changes')
      .addColumn('cursor', 'integer', (c) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
      .addColumn('appointment_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema
      .createTable('appointments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('hall', 'text', (c) => c.notNull())
      .addColumn('window', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('cert_type', 'text', (c) => c.notNull())
      .addColumn('id_number', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('item_code', 'text', (c) => c.notNull())
      .addColumn('item_name', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('slot_start', 'text', (c) => c.notNull())
      .addColumn('slot_end', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('booked','checked_in','no_show','cancelled')`))
      .addColumn('checked_in_at', 'text')
      .addColumn('checked_in_window', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('cursor', 'integer', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('appointments_hall_cursor').on('appointments').columns(['hall', 'cursor']).execute();
  },
};
