import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { sm3Hex } from '../crypto/sm-primitives';
import type { DB } from '../db/schema';

export interface AuditEntry {
  actor: string;
  /** e.g. 'case.accept', 'pii.view', 'auth.signIn', 'settings.change', 'device.configure'. */
  action: string;
  subject?: string | null;
  /** No PII in here: reference records by id. */
  detail?: Record<string, unknown>;
}

export type AuditAlgorithm = 'sha256' | 'sm3';
export const GENESIS = '0'.repeat(64);
/** meta keys: the algorithm for new entries, and the last entry (`seq:hash`) so a deleted tail is noticed. */
export const META_AUDIT_ALGORITHM = 'audit.algorithm';
export const META_AUDIT_HEAD = 'audit.head';

export function auditHash(algorithm: AuditAlgorithm, prevHash: string, e: { at: string; actor: string; action: string; subject: string | null; detail: string }): string {
  const canonical = JSON.stringify([prevHash, e.at, e.actor, e.action, e.subject, e.detail]);
  // SM3 through sm-primitives: Electron's BoringSSL has no SM3.
  return algorithm === 'sm3' ? sm3Hex(canonical) : crypto.createHash('sha256').update(canonical).digest('hex');
}

/**
 * Appends to the hash chain inside the caller's transaction (so the entry commits with the change).
 * Without an explicit algorithm, the database's setting (`audit.algorithm`, default SHA-256) applies.
 */
export async function appendAudit(trx: Transaction<DB> | Kysely<DB>, entry: AuditEntry, algorithm?: AuditAlgorithm): Promise<void> {
  // Reading the head and appending must be one unit: two appends interleaved on the shared
  // connection would both link to the same previous entry and fork the chain.
  if (!trx.isTransaction) return trx.transaction().execute((t) => appendAudit(t, entry, algorithm));
  const alg = algorithm ?? (await auditAlgorithmOf(trx));
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const row = {
    at: new Date().toISOString(),
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
  };
  const prev_hash = last?.hash ?? GENESIS;
  const hash = auditHash(alg, prev_hash, row);
  const { seq } = await trx
    .insertInto('audit_log')
    .values({ ...row, algorithm: alg, prev_hash, hash })
    .returning('seq')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('meta')
    .values({ key: META_AUDIT_HEAD, value: `${seq}:${hash}` })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: `${seq}:${hash}` }))
    .execute();
}

export async function auditAlgorithmOf(db: Transaction<DB> | Kysely<DB>): Promise<AuditAlgorithm> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', META_AUDIT_ALGORITHM).executeTakeFirst();
  return row?.value === 'sm3' ? 'sm3' : 'sha256';
}
