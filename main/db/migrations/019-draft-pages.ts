import type { Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrator';

/** A saved case draft keeps its staged pages (019-draft-pages.tables.ts). */
export const migration019: Migration = {
  version: 19,
  name: 'draft-pages',
  async up(trx: Transaction<any>) {
    await trx.schema
      .createTable('case_draft_pages')
      .addColumn('case_id', 'text', (c) => c.primaryKey().references('intake_case.id'))
      .addColumn('draft_id', 'text', (c) => c.notNull())
      .addColumn('held_at', 'text', (c) => c.notNull())
      .execute();
    // The start-up sweep asks whether a stale draft id is held.
    await trx.schema.createIndex('case_draft_pages_draft').on('case_draft_pages').column('draft_id').execute();
  },
};
