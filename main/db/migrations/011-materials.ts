import { sql, type Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrator';

/** 材料电子化 (issue 16): staged pages, sealed material PDFs and their links to cases (011-materials.tables.ts). */
export const migration011: Migration = {
  version: 11,
  name: 'materials',
  async up(trx: Transaction<any>) {
    await trx.schema
      .createTable('material_page')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('draft_id', 'text', (c) => c.notNull())
      .addColumn('material_code', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('image','pdf')`))
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('file_name_sealed', 'text')
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addColumn('page_count', 'integer', (c) => c.notNull())
      .addColumn('width', 'integer')
      .addColumn('height', 'integer')
      .addColumn('rotation', 'integer', (c) => c.notNull().defaultTo(0).check(sql`rotation in (0,90,180,270)`))
      .addColumn('crop', 'text')
      .addColumn('staged_at', 'text', (c) => c.notNull())
      .addColumn('clerk_id', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('material_page_slot').on('material_page').columns(['draft_id', 'material_code', 'position']).execute();
    await trx.schema
      .createTable('material_blob')
      .addColumn('sha256', 'text', (c) => c.primaryKey())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sealed_size', 'integer', (c) => c.notNull())
      .addColumn('pages', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('upload_state', 'text', (c) => c.notNull().defaultTo('pending').check(sql`upload_state in ('pending','uploaded')`))
      .addColumn('uploaded_at', 'text')
      .addColumn('local_deleted_at', 'text')
      .execute();
    await trx.schema.createIndex('material_blob_pending').on('material_blob').columns(['upload_state', 'created_at']).execute();
    await trx.schema
      .createTable('case_material_file')
      .addColumn('case_id', 'text', (c) => c.notNull().references('intake_case.id'))
      .addColumn('material_code', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull().references('material_blob.sha256'))
      .addColumn('pages', 'integer', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('via', 'text', (c) => c.notNull().check(sql`via in ('intake','supplement')`))
      .addColumn('linked_at', 'text', (c) => c.notNull())
      .addColumn('clerk_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_material_file_pk', ['case_id', 'material_code', 'sha256'])
      .execute();
    await trx.schema.createIndex('case_material_file_sha').on('case_material_file').column('sha256').execute();
  },
};
