import crypto from 'node:crypto';
import type { Insertable, Kysely, Transaction } from 'kysely';
import { sm3Hex } from '../crypto/sm-primitives';
import { batchStatement, expectation } from '../../platform/db/write-batch';
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
/** The entry, inserted only if the chain's head and the algorithm setting are still what `head` and `setting` say. */
const insertIfHead = queryTemplate((db, a: { row: Omit<Insertable<AuditLogTable>, 'seq'>; head: string; setting: string | null }) =>
  db
    .insertInto('audit_log')
    .columns(['at', 'actor', 'action', 'subject', 'detail', 'algorithm', 'prev_hash', 'hash'])
    .expression(
      db
        .selectNoFrom((eb) => [
          eb.val(a.row.at).as('at'),
          eb.val(a.row.actor).as('actor'),
          eb.val(a.row.action).as('action'),
          eb.val(a.row.subject).as('subject'),
          eb.val(a.row.detail).as('detail'),
          eb.val(a.row.algorithm).as('algorithm'),
          eb.val(a.row.prev_hash).as('prev_hash'),
          eb.val(a.row.hash).as('hash'),
        ])
        .where((eb) => eb(eb.selectFrom('meta').select('value').where('key', '=', META_AUDIT_HEAD), '=', a.head))
        .where((eb) => eb(eb.selectFrom('meta').select('value').where('key', '=', META_AUDIT_ALGORITHM), 'is', a.setting)),
    )
    .returning('seq'),
);
const writeHead = queryTemplate((db, a: { value: string }) =>
  db
    .insertInto('meta')
    .values({ key: META_AUDIT_HEAD, value: a.value })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') }))),
);

/** An entry serialised for the chain (its time and detail fixed), before it is linked to the head. */
export interface AuditRow {
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  detail: string;
}

/**
 * Appends to the hash chain inside the caller's transaction (so the entry commits with the change).
 * Without an explicit algorithm, the database's setting (`audit.algorithm`, default SHA-256) applies.
 * The previous hash is the head recorded in meta (written with every entry, in the same
 * transaction): checked in the insert itself when this process wrote the last entry
 * (`lastWritten`), else read together with the setting in one statement; only a chain without a
 * recorded head reads its last entry.
 */
export async function appendAudit(trx: Transaction<DB> | Kysely<DB>, entry: AuditEntry, algorithm?: AuditAlgorithm): Promise<void> {
  // Reading the head and appending must be one unit: two appends interleaved on the shared
  // connection would both link to the same previous entry and fork the chain.
  if (!trx.isTransaction) return trx.transaction().execute((t) => appendAudit(t, entry, algorithm));
  await appendAuditRow(trx as Transaction<DB>, auditRow(entry), algorithm);
}

/** The entry as the chain stores it, made without the database (a hot path makes it while other statements run). */
export function auditRow(entry: AuditEntry): AuditRow {
  return { at: new Date().toISOString(), actor: entry.actor, action: entry.action, subject: entry.subject ?? null, detail: JSON.stringify(entry.detail ?? {}) };
}

/**
 * The head (`seq:hash`) and algorithm setting this process last wrote. The next append links to it
 * in one statement that inserts only if meta still says so (`insertIfHead`), instead of reading meta
 * first: one statement fewer per append. It is a guess, never trusted: a rolled-back append, another
 * database in this process or a changed setting makes the insert a no-op, and the append then reads
 * meta as without it.
 */
let lastWritten: ChainHead | null = null;
type ChainHead = { head: string; setting: string | null };

/** Links a row made by `auditRow` to the head and appends it, inside the caller's transaction. */
export async function appendAuditRow(trx: Transaction<DB>, row: AuditRow, algorithm?: AuditAlgorithm): Promise<void> {
  await appendLinkedRow(trx, linkAuditRow(row, algorithm));
}

/** A row with its hash already computed against the head this process last wrote (`lastWritten`), if any. */
export interface LinkedAuditRow {
  row: AuditRow;
  algorithm: AuditAlgorithm | undefined;
  guess: ChainHead | null;
  linked: Omit<Insertable<AuditLogTable>, 'seq'> | null;
}

/**
 * Hashes `row` against the head this process last wrote, without the database: a hot path does it
 * while another statement of its transaction runs, then appends with `appendLinkedRow`. The guess is
 * checked by the insert itself, as in every append.
 */
export function linkAuditRow(row: AuditRow, algorithm?: AuditAlgorithm): LinkedAuditRow {
  const guess = lastWritten;
  if (!guess) return { row, algorithm, guess, linked: null };
  const alg = algorithm ?? algorithmOf(guess.setting ?? undefined);
  const prev_hash = guess.head.slice(guess.head.indexOf(':') + 1);
  return { row, algorithm, guess, linked: { ...row, algorithm: alg, prev_hash, hash: auditHash(alg, prev_hash, row) } };
}

/** Appends a row linked by `linkAuditRow` (linked again if another append came in between). */
export async function appendLinkedRow(trx: Transaction<DB>, l: LinkedAuditRow): Promise<void> {
  const current = l.guess === lastWritten ? l : linkAuditRow(l.row, l.algorithm);
  const { row, algorithm, guess, linked } = current;
  if (guess && linked) {
    const { rows } = await insertIfHead(trx, { row: linked, head: guess.head, setting: guess.setting });
    if (rows[0]) return recordHead(trx, rows[0].seq, linked.hash, guess.setting);
  }
  const meta = new Map((await readChainMeta(trx, {})).rows.map((r) => [r.key, r.value]));
  const setting = meta.get(META_AUDIT_ALGORITHM) ?? null;
  const alg = algorithm ?? algorithmOf(setting ?? undefined);
  const head = meta.get(META_AUDIT_HEAD);
  const prev_hash = head ? head.slice(head.indexOf(':') + 1) : ((await readLastEntry(trx, {})).rows[0]?.hash ?? GENESIS);
  const hash = auditHash(alg, prev_hash, row);
  const { rows } = await insertEntry(trx, { row: { ...row, algorithm: alg, prev_hash, hash } });
  await recordHead(trx, rows[0]!.seq, hash, setting);
}

async function recordHead(trx: Transaction<DB>, seq: number, hash: string, setting: string | null): Promise<void> {
  const head = `${seq}:${hash}`;
  await writeHead(trx, { value: head });
  lastWritten = { head, setting };
}

/** An append in a write batch (platform/db/write-batch.ts), linked to the head this process last wrote. */
export interface PredictedAppend {
  linked: Omit<Insertable<AuditLogTable>, 'seq'>;
  guess: ChainHead;
  /** The seq the entry gets if the guess holds: the one after the head's. */
  seq: number;
}

/** `row` linked to the head this process last wrote, for a batch; null when this process has written none. */
export function predictAppend(row: AuditRow): PredictedAppend | null {
  const { guess, linked } = linkAuditRow(row);
  if (!guess || !linked) return null;
  return { linked, guess, seq: Number(guess.head.slice(0, guess.head.indexOf(':'))) + 1 };
}

/**
 * The batch's statements of the append: the entry inserted only if the head and setting are still
 * the guessed ones (as `appendLinkedRow` does), a check that it was inserted with the predicted seq
 * (the batch aborts otherwise), and the new head.
 */
export function appendStatements(db: Kysely<DB>, p: PredictedAppend): string[] {
  return [
    batchStatement(insertIfHead.compile(db, { row: p.linked, head: p.guess.head, setting: p.guess.setting })),
    expectation('changes() = 1 AND last_insert_rowid() = ?', [p.seq]),
    batchStatement(writeHead.compile(db, { value: `${p.seq}:${p.linked.hash}` })),
  ];
}

/** After the batch with the append committed: the next append links to it. */
export function confirmAppend(p: PredictedAppend): void {
  lastWritten = { head: `${p.seq}:${p.linked.hash}`, setting: p.guess.setting };
}

const algorithmOf = (setting: string | undefined): AuditAlgorithm => (setting === 'sm3' ? 'sm3' : 'sha256');

export async function auditAlgorithmOf(db: Transaction<DB> | Kysely<DB>): Promise<AuditAlgorithm> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', META_AUDIT_ALGORITHM).executeTakeFirst();
  return algorithmOf(row?.value);
}
