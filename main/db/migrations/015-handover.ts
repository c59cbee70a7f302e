import { sql, type Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrator';

/**
 * 出件 (issue 17, item 4): `case_result` holds the newest result pulled from the central platform
 * (decision, 已制证, what to hand over, delivery); `case_handover` the window's one handover of it:
 * collected (who: applicant, agent, or let through by the clerk with a reason) or posted (carrier,
 * tracking number). Numbered 015 because 011–014 are held by parallel branches.
 */
export const migration015: Migration = {
  version: 15,
  name: 'handover',
  async up(trx: Transaction<any>) {
    await trx.schema
      .createTable('case_result')
      .addColumn('case_id', 'text', (c) => c.primaryKey().references('intake_case.id').onDelete('cascade'))
      .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('approved','refused')`))
      .addColumn('ready', 'integer', (c) => c.notNull().check(sql`ready in (0,1)`))
      .addColumn('items', 'text', (c) => c.notNull())
      .addColumn('delivery', 'text', (c) => c.notNull().check(sql`delivery in ('window','post')`))
      .addColumn('note', 'text')
      .addColumn('central_at', 'text', (c) => c.notNull())
      .addColumn('ready_at', 'text')
      .addColumn('cursor', 'integer', (c) => c.notNull())
      .addCheckConstraint('ready_has_time', sql`(ready = 1) = (ready_at is not null)`)
      .execute();
    // The 待领取 list: ready results, oldest first.
    await trx.schema.createIndex('case_result_ready').on('case_result').columns(['ready', 'ready_at']).execute();
    await trx.schema
      .createTable('case_handover')
      .addColumn('case_id', 'text', (c) => c.primaryKey().references('intake_case.id').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('window','post')`))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('clerk_id', 'text', (c) => c.notNull())
      .addColumn('clerk_name', 'text', (c) => c.notNull())
      .addColumn('collector', 'text', (c) => c.check(sql`collector in ('applicant','agent','override')`))
      .addColumn('override_reason', 'text')
      .addColumn('collector_id_hash', 'text')
      .addColumn('carrier', 'text')
      .addColumn('tracking_number', 'text')
      .addCheckConstraint('window_has_collector', sql`(method = 'window') = (collector is not null)`)
      .addCheckConstraint('post_has_tracking', sql`(method = 'post') = (tracking_number is not null and carrier is not null)`)
      .addCheckConstraint('override_has_reason', sql`(collector = 'override') = (override_reason is not null)`)
      .execute();
  },
};
