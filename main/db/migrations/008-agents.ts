import { sql, type Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrator';

/**
 * Certificate-type codes and agents (issue 17): `intake_case.applicant_cert_type` holds the national
 * code of the applicant's certificate, filled for existing cases from the card kind recorded before
 * (resident → 111, foreigner → 553, anything else → 990 其他); `case_agent` holds the sealed agent.
 */
export const migration008: Migration = {
  version: 8,
  name: 'agents',
  async up(trx: Transaction<any>) {
    await trx.schema.alterTable('intake_case').addColumn('applicant_cert_type', 'text').execute();
    await sql`update intake_case set applicant_cert_type = case applicant_id_type
        when 'resident' then '111' when 'foreigner' then '553' else '990' end
      where applicant_kind = 'person' and applicant_id_type is not null`.execute(trx);

    await trx.schema
      .createTable('case_agent')
      .addColumn('case_id', 'text', (c) => c.primaryKey().references('intake_case.id').onDelete('cascade'))
      .addColumn('relation', 'text', (c) => c.notNull())
      .addColumn('cert_type', 'text', (c) => c.notNull())
      .addColumn('name_sealed', 'text', (c) => c.notNull())
      .addColumn('name_hash', 'text', (c) => c.notNull())
      .addColumn('id_sealed', 'text', (c) => c.notNull())
      .addColumn('id_hash', 'text', (c) => c.notNull())
      .addColumn('phone_sealed', 'text')
      .execute();
    await trx.schema.createIndex('case_agent_id_hash').on('case_agent').column('id_hash').execute();
  },
};
