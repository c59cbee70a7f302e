import crypto from 'node:crypto';
import { sql, type ColumnDefinitionBuilder, type Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrator';
import { seedDemoLookups } from '../../demo-data';
import { isPostgres } from '../postgres';

/** An ever-growing integer key: SQLite AUTOINCREMENT (never reused), a PostgreSQL identity column. */
const counterKey = (pg: boolean) => (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement());

/** The central schema's first version. Same convention as the window: numbered files, each in its own transaction. */
export const migration001: Migration = {
  version: 1,
  name: 'central-core',
  async up(trx: Transaction<any>) {
    const pg = isPostgres(trx);
    await trx.schema.createTable('meta').addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text', (c) => c.notNull()).execute();
    // A fresh database is a new generation: windows that synced with an older one re-offer what they hold.
    await trx.insertInto('meta').values({ key: 'generation', value: crypto.randomUUID() }).execute();

    await trx.schema
      .createTable('enrol_codes')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('hall', 'text', (c) => c.notNull())
      .addColumn('window', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('device_id', 'text')
      .execute();
    await trx.schema
      .createTable('devices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('hall', 'text', (c) => c.notNull())
      .addColumn('window', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('enrolled_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text')
      .execute();

    // The processed idempotency keys. The primary key is the deduplication: a replay cannot insert twice.
    await trx.schema
      .createTable('received')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('aggregate_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('received_device_seq').on('received').columns(['device_id', 'seq']).execute();

    await trx.schema
      .createTable('cases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('hall', 'text', (c) => c.notNull())
      .addColumn('window', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('case_number', 'text')
      .addColumn('item_code', 'text')
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('first_received_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('entries', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await trx.schema.createIndex('cases_hall').on('cases').columns(['hall', 'first_received_at']).execute();
    await trx.schema
      .createTable('ratings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('hall', 'text', (c) => c.notNull())
      .addColumn('window', 'text', (c) => c.notNull())
      .addColumn('level', 'integer', (c) => c.notNull().check(sql`level between 1 and 5`))
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema
      .createTable('rectifications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('hall', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema
      .createTable('records')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('aggregate_id', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute();

    await trx.schema
      .createTable('catalog_changes')
      .addColumn('version', 'integer', counterKey(pg))
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('op', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema
      .createTable('case_status_changes')
      .addColumn('cursor', 'integer', counterKey(pg))
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('hall', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('central_case_number', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('case_status_hall').on('case_status_changes').columns(['hall', 'cursor']).execute();

    await trx.schema
      .createTable('licences')
      .addColumn('licence_id', 'text', (c) => c.primaryKey())
      .addColumn('holder_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('issued_on', 'text', (c) => c.notNull())
      .addColumn('valid_until', 'text')
      .execute();
    await trx.schema.createIndex('licences_holder').on('licences').column('holder_id').execute();
    await trx.schema
      .createTable('credit_records')
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('list', 'text', (c) => c.notNull())
      .addColumn('authority', 'text', (c) => c.notNull())
      .addColumn('since', 'text', (c) => c.notNull())
      .addColumn('measure', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('credit_subject').on('credit_records').columns(['subject', 'subject_type']).execute();
    await seedDemoLookups(trx);
  },
};
