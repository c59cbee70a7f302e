import { sql, type Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrator';

/** Each window's last reported backlog, for the supervisor's hall view. */
export const migration002: Migration = {
  version: 2,
  name: 'device-heartbeat',
  async up(trx: Transaction<any>) {
    for (const column of ['pending integer', 'parked integer', 'oldest_pending_at text', 'clock_skew_ms integer'])
      await sql.raw(`alter table devices add column ${column}`).execute(trx);
  },
};
