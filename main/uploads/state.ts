import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { UploadStateTable } from '../db/migrations/012-upload-state.tables';

export type UploadState = UploadStateTable;
type Db = Kysely<DB>;
const now = () => new Date().toISOString();

export async function readStates(db: Db): Promise<Map<string, UploadState>> {
  const rows = await db.selectFrom('upload_state').selectAll().execute();
  return new Map(rows.map((r) => [r.sha256, r]));
}

/** Creates the row on the first attempt, or updates the given fields. */
export async function saveState(db: Db, sha256: string, size: number, values: Partial<Omit<UploadState, 'sha256' | 'size' | 'updated_at'>>): Promise<void> {
  const row = { sha256, size, acked_bytes: 0, attempts: 0, upload_url: null, last_error: null, next_attempt_at: null, ...values, updated_at: now() };
  await db
    .insertInto('upload_state')
    .values(row)
    .onConflict((oc) => oc.column('sha256').doUpdateSet({ ...values, updated_at: row.updated_at }))
    .execute();
}

/** The central confirmed the blob: nothing left to resume. */
export async function dropState(db: Db, sha256: string): Promise<void> {
  await db.deleteFrom('upload_state').where('sha256', '=', sha256).execute();
}

/** `uploads retry`: every waiting blob is due now, its failure count reset. */
export async function makeAllDue(db: Db | Transaction<DB>): Promise<number> {
  const r = await db.updateTable('upload_state').set({ attempts: 0, next_attempt_at: null, updated_at: now() }).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
