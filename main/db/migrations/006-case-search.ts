import { sql, type Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrator';

/**
 * Years of cases (250k at a busy window): the 我的办件 search matches the central platform's case
 * number by equality, which without an index read every case row (bench/years.ts).
 */
export const migration006: Migration = {
  version: 6,
  name: 'case-search',
  async up(trx: Transaction<any>) {
    await sql`create index intake_case_central_number on intake_case (central_number)`.execute(trx);
  },
};
