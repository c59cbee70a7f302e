import { sql, type Transaction } from 'kysely';
import type { Migration } from '../../../platform/db/migrator';

/**
 * The applicant's signature on a case (applicant screen, issue 18): strokes and PNG sealed like other
 * personal data, the PNG's SHA-256 in clear (it is in the audit chain too), or a refusal with its
 * reason. One outcome per case. The case carries the hash so the notice and the central see it.
 */
export const migration010: Migration = {
  version: 10,
  name: 'signature',
  async up(trx: Transaction<any>) {
    await trx.schema
      .createTable('case_signature')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().unique().references('intake_case.id'))
      .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('signed','refused')`))
      .addColumn('source', 'text')
      // JSON of the strokes (PenPoint[][]), sealed with the PII cipher.
      .addColumn('strokes_sealed', 'text')
      // The PNG rendered from the strokes in main (base64), sealed.
      .addColumn('png_sealed', 'text')
      .addColumn('sha256', 'text')
      .addColumn('refusal_reason', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('clerk_id', 'text', (c) => c.notNull())
      .addCheckConstraint('signed_has_hash', sql`(outcome = 'signed') = (sha256 is not null)`)
      .execute();
    await trx.schema.alterTable('intake_case').addColumn('signature_sha256', 'text').execute();
    await trx.schema.alterTable('intake_case').addColumn('signature_state', 'text').execute();
  },
};
