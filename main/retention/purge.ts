import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../audit/chain';
import type { DB } from '../db/schema';
import { EMPTY_APPLICANT } from '../intake/applicant-codec';

// The applicant columns a purge clears: every sealed field and keyed hash. The kind, the ID type and
// an enterprise's (public) USCC stay with the case shell.
const { applicant_kind: _kind, applicant_id_type: _idType, applicant_cert_type: _certType, uscc: _uscc, ...PII_COLUMNS } = EMPTY_APPLICANT;

/** Cases per statement (3 bound values a case in the largest, far below SQLite's limit). */
const CHUNK = 500;

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

  const purged = candidates.map((c) => c.id);
  if (purged.length === 0) return { purged, cutoff };
  const purgedAt = now.toISOString();
  // A few statements per chunk of cases, not six per case: the transaction holds the write lock
  // (a clerk's commit waits for it) for milliseconds instead of thousands of round trips.
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < purged.length; i += CHUNK) {
      const ids = purged.slice(i, i + CHUNK);
      await trx.updateTable('intake_case').set(PII_COLUMNS).where('id', 'in', ids).execute();
      await trx.deleteFrom('case_agent').where('case_id', 'in', ids).execute();
      await trx.updateTable('case_handover').set({ collector_id_hash: null }).where('case_id', 'in', ids).execute();
      // The sealed applicant (and agent) copies sent to the central side are no longer needed either.
      for (const field of ['$.applicantSealed', '$.agentSealed'])
        await trx
          .updateTable('outbox')
          .set({ payload: sql<string>`json_set(payload, ${field}, json('null'))` })
          .where('aggregate_id', 'in', ids)
          // `+state`: not a candidate for an index, so SQLite seeks each case's rows by aggregate_id
          // instead of walking outbox_state_seq through every done row of the years held.
          .where(sql<boolean>`+state = 'done'`)
          .where(sql<boolean>`json_valid(payload) and json_type(payload, ${field}) = 'text'`)
          .execute();
      await trx
        .insertInto('retention_purge')
        .values(ids.map((id) => ({ case_id: id, purged_at: purgedAt, days: opts.days })))
        .onConflict((oc) => oc.column('case_id').doUpdateSet({ purged_at: purgedAt, days: opts.days }))
        .execute();
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
