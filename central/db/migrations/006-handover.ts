import type { Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrator';

/**
 * 出件: a status change may carry the case's result (decision, 已制证, what to hand over, delivery),
 * and the central records each case's handover once (the window's `case.handedOver` entry).
 */
export const migration006: Migration = {
  version: 6,
  name: 'handover',
  async up(trx: Transaction<any>) {
    await trx.schema.alterTable('case_status_changes').addColumn('result', 'text').execute();
    // 1 when the result is made (已制证) and can be handed over: the hall's 待领取 list filters on it.
    await trx.schema.alterTable('case_status_changes').addColumn('result_ready', 'integer').execute();
    // The newest result of a case is looked up per case (pull of the hall's pending handovers).
    await trx.schema.createIndex('case_status_case').on('case_status_changes').columns(['case_id', 'cursor']).execute();
    await trx.schema
      .createTable('handovers')
      .addColumn('case_id', 'text', (c) => c.primaryKey())
      .addColumn('entry_id', 'text', (c) => c.notNull())
      .addColumn('hall', 'text', (c) => c.notNull())
      .addColumn('window', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute();
  },
};
