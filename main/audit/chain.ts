import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
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

export function auditHash(algorithm: AuditAlgorithm, prevHash: string, e: { at: string; actor: string; action: string; subject: string | null; detail: string }): string {
  const canonical = JSON.stringify([prevHash, e.at, e.actor, e.action, e.subject, e.detail]);
  return crypto.createHash(algorithm).update(canonical).digest('hex');
}

/** Appends to the hash chain inside the caller's transaction (so the entry commits with the change). */
export async function appendAudit(trx: Transaction<DB> | Kysely<DB>, entry: AuditEntry, algorithm: AuditAlgorithm = 'sha256'): Promise<void> {
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const row = {
    at: new Date().toISOString(),
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
  };
  const prev_hash = last?.hash ?? GENESIS;
  await trx
    .insertInto('audit_log')
    .values({ ...row, algorithm, prev_hash, hash: auditHash(algorithm, prev_hash, row) })
    .execute();
}
