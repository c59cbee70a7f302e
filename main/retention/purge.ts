import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../audit/chain';
import type { DB } from '../db/schema';
import { EMPTY_APPLICANT } from '../intake/applicant-codec';

// The applicant columns a purge clears: every sealed field and keyed hash. The kind, the ID type and
// an enterprise's (public) USCC stay with the case shell.
const { applicant_kind: _kind, applicant_id_type: _idType, applicant_cert_type: _certType, uscc: _uscc, ...PII_COLUMNS } = EMPTY_APPLICANT;

export interface PurgeResult {
  purged: string[];
  cutoff: string;
}

/**
 * Retention: removes the applicant's personal data from cases that are finished and fully
 * acknowledged by the central platform, `days` after their last change. Eligible only when
 *  - the case is completed centrally (completed_approved / completed_not_approved) or ended at the
 *    window (rejected / withdrawn), and
 *  - it has outbox entries and every one of them is `done` (nothing pending or parked), and
 *  - its last change and its last acknowledgement are older than the cutoff.
 * Never anything that has not been acknowledged. The sealed applicant copies in the case's done
 * outbox payloads are cleared too. One audit entry per run (case ids only).
 */
export async function purgeExpiredPii(db: Kysely<DB>, opts: { days: number; now?: Date; actor?: string; limit?: number }): Promise<PurgeResult> {
  const now = opts.now ?? new Date();
  const cutoff = new Date(now.getTime() - opts.days * 86_400_000).toISOString();
  const candidates = await purgeCandidates(db, cutoff, opts.limit ?? 500).execute();

  const purged: string[] = [];
  if (candidates.length === 0) return { purged, cutoff };
  await db.transaction().execute(async (trx) => {
    for (const { id } of candidates) {
      await trx.updateTable('intake_case').set(PII_COLUMNS).where('id', '=', id).execute();
      await trx.deleteFrom('case_agent').where('case_id', '=', id).execute();
      await trx.updateTable('case_handover').set({ collector_id_hash: null }).where('case_id', '=', id).execute();
      // The sealed applicant (and agent) copies sent to the central side are no longer needed either.
      for (const field of ['$.applicantSealed', '$.agentSealed'])
        await trx
          .updateTable('outbox')
          .set({ payload: sql<string>`json_set(payload, ${field}, json('null'))` })
          .where('aggregate_id', '=', id)
          .where('state', '=', 'done')
          .where(sql<boolean>`json_valid(payload) and json_type(payload, ${field}) = 'text'`)
          .execute();
      await trx
        .insertInto('retention_purge')
        .values({ case_id: id, purged_at: now.toISOString(), days: opts.days })
        .onConflict((oc) => oc.column('case_id').doUpdateSet({ purged_at: now.toISOString(), days: opts.days }))
        .execute();
      purged.push(id);
    }
    await appendAudit(trx, { actor: opts.actor ?? 'system', action: 'retention.purge', detail: { days: opts.days, cutoff, count: purged.length, caseIds: purged } });
  });
  return { purged, cutoff };
}

/**
 * The oldest cases that may be purged at `cutoff`. The condition on the sealed columns is, term for
 * term, the WHERE of the partial index intake_case_pii_held (migration 017): SQLite then walks only
 * the cases still holding applicant data, from the oldest change, instead of every case.
 */
export function purgeCandidates(db: Kysely<DB>, cutoff: string, limit: number) {
  return db
    .selectFrom('intake_case as c')
    .select('c.id')
    .where((eb) =>
      eb.or([eb('c.central_status', 'in', ['completed_approved', 'completed_not_approved']), eb('c.status', 'in', ['rejected', 'withdrawn'])]),
    )
    .where('c.updated_at', '<', cutoff)
    .where((eb) =>
      eb.or([
        eb('c.applicant_name_sealed', 'is not', null),
        eb('c.applicant_id_sealed', 'is not', null),
        eb('c.applicant_phone_sealed', 'is not', null),
        eb('c.applicant_address_sealed', 'is not', null),
        eb('c.legal_rep_name_sealed', 'is not', null),
        eb('c.legal_rep_id_sealed', 'is not', null),
      ]),
    )
    // Acknowledged: at least one outbox row, all done, the last one done before the cutoff.
    .where((eb) => eb.exists(eb.selectFrom('outbox as o').select('o.seq').whereRef('o.aggregate_id', '=', 'c.id')))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('outbox as o').select('o.seq').whereRef('o.aggregate_id', '=', 'c.id').where('o.state', '!=', 'done'))))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('outbox as o')
            .select('o.seq')
            .whereRef('o.aggregate_id', '=', 'c.id')
            .where((w) => w.or([w('o.done_at', 'is', null), w('o.done_at', '>=', cutoff)])),
        ),
      ),
    )
    .orderBy('c.updated_at')
    .limit(limit);
}
