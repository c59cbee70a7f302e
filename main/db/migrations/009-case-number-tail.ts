import { sql, type Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrator';

/**
 * The date and sequence of a case number (`HK01-W03-20261127-0001` → `20261127-0001`): everything
 * after its second hyphen (hall and window codes are letters and digits only). Queries must use this
 * exact expression for SQLite to answer them from the index.
 */
export const CASE_NUMBER_TAIL = `substr(case_number, instr(case_number, '-') + instr(substr(case_number, instr(case_number, '-') + 1), '-') + 1)`;

/**
 * Years of cases: people type the date and sequence of a number (the tail printed large on the
 * notice), which as `like '%…%'` scanned every case number (428 ms p99 at 250k, bench/years.ts).
 * An index on the tail makes it an equality or range look-up; a covering index over a period's
 * figure columns serves the dashboard (cases.figures). No table changes.
 */
export const migration009: Migration = {
  version: 9,
  name: 'case-number-tail',
  async up(trx: Transaction<any>) {
    await sql.raw(`create index intake_case_number_tail on intake_case (${CASE_NUMBER_TAIL})`).execute(trx);
    // cases.figures reads a period's cases: with their figure columns in the index it never reads
    // the case rows (kilobytes of sealed applicant data each).
    await sql`create index intake_case_figures on intake_case (created_at, status, item_name, accepted_at, decided_at, id)`.execute(trx);
  },
};
