import type { Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrator';

/** Resumable uploads of material files: the tus upload URL and progress per blob (main/uploads). */
export const migration012: Migration = {
  version: 12,
  name: 'upload-state',
  async up(trx: Transaction<any>) {
    await trx.schema
      .createTable('upload_state')
      .addColumn('sha256', 'text', (c) => c.primaryKey())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('upload_url', 'text')
      .addColumn('acked_bytes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .addColumn('next_attempt_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
