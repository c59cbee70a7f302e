import type { Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrator';

/** Material files received over tus (`central/uploads/`), keyed by their SHA-256, and their case links. */
export const migration003: Migration = {
  version: 3,
  name: 'received-blobs',
  async up(trx: Transaction<any>) {
    await trx.schema
      .createTable('received_blobs')
      .addColumn('sha256', 'text', (c) => c.primaryKey())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('upload_id', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema
      .createTable('blob_links')
      .addColumn('sha256', 'text', (c) => c.notNull().references('received_blobs.sha256'))
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('material_code', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('linked_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('blob_links_pk', ['sha256', 'case_id', 'material_code'])
      .execute();
    await trx.schema.createIndex('blob_links_case').on('blob_links').column('case_id').execute();
  },
};
