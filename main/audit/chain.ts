import crypto from 'node:crypto';
import type { Insertable, Kysely, Transaction } from 'kysely';
import { sm3Hex } from '../crypto/sm-primitives';
import { queryTemplate } from '../db/query-template';
import type { AuditLogTable, DB } from '../db/schema';

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

// The statements of an append, built and compiled once (see queryTemplate).
const readChainMeta = queryTemplate((db, _: Record<string, never>) =>
  db.selectFrom('meta').select(['key', 'value']).where('key', 'in', [META_AUDIT_ALGORITHM, META_AUDIT_HEAD]),
);
const readLastEntry = queryTemplate((db, _: Record<string, never>) => db.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1));
const insertEntry = queryTemplate((db, a: { row: Omit<Insertable<AuditLogTable>, 'seq'> }) => db.insertInto('audit_log').values(a.row).returning('seq'));
const writeHead = queryTemplate((db, a: { value: string }) =>
  db
    .insertInto('meta')
    .values({ key: META_AUDIT_HEAD, value: a.value })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') }))),
);

/**
 * Appends to the hash chain inside the caller's transaction (so the entry commits with the change).
 * Without an explicit algorithm, the database's setting (`audit.algorithm`, default SHA-256) applies.
 * The previous hash is the head recorded in meta (written with every entry, in the same
 * transaction), read together with the setting in one statement; only a chain without a recorded
 * head reads its last entry.
 */
export async function appendAudit(trx: Transaction<DB> | Kysely<DB>, entry: AuditEntry, algorithm?: AuditAlgorithm): Promise<void> {
  // Reading the head and appending must be one unit: two appends interleaved on the shared
  // connection would both link to the same previous entry and fork the chain.
  if (!trx.isTransaction) return trx.transaction().execute((t) => appendAudit(t, entry, algorithm));
  const meta = new Map((await readChainMeta(trx, {})).rows.map((r) => [r.key, r.value]));
  const alg = algorithm ?? algorithmOf(meta.get(META_AUDIT_ALGORITHM));
  const head = meta.get(META_AUDIT_HEAD);
  const prev_hash = head ? head.slice(head.indexOf(':') + 1) : ((await readLastEntry(trx, {})).rows[0]?.hash ?? GENESIS);
  const row = {
    at: new Date().toISOString(),
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
  };
  const hash = auditHash(alg, prev_hash, row);
  const { rows } = await insertEntry(trx, { row: { ...row, algorithm: alg, prev_hash, hash } });
  await writeHead(trx, { value: `${rows[0]!.seq}:${hash}` });
}

const algorithmOf = (setting: string | undefined): AuditAlgorithm => (setting === 'sm3' ? 'sm3' : 'sha256');

export async function auditAlgorithmOf(db: Transaction<DB> | Kysely<DB>): Promise<AuditAlgorithm> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', META_AUDIT_ALGORITHM).executeTakeFirst();
  return algorithmOf(row?.value);
}
