import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { ROLES, type Role } from '../../common/contract';
import type { DB } from '../db/schema';
import { parseHash } from './password-hash';

/** One staff member as the window caches them. */
export interface StaffRecord {
  staffId: string;
  name: string;
  roles: Role[];
  passwordHash: string | null;
  passwordChangedAt: string | null;
  mustChangePassword: boolean;
  active: boolean;
  source: 'central' | 'setup';
}

/**
 * One entry of the roster the central platform publishes with the catalog (pulled by main/sync).
 * The password verifier is an scrypt hash string (`scrypt$N=…,r=…,p=…$salt$hash`), never a password.
 */
export const RosterEntry = z.object({
  staffId: z.string().min(1).max(64),
  name: z.string().min(1).max(40),
  roles: z.array(z.enum(ROLES)).max(3),
  passwordHash: z.string().max(400).nullable(),
  /** When the verifier was set; a newer local change (password changed at this window) wins. */
  passwordChangedAt: z.string().max(40).nullable(),
  active: z.boolean(),
});
export type RosterEntry = z.infer<typeof RosterEntry>;

type Db = Kysely<DB> | Transaction<DB>;

export async function findStaff(db: Db, staffId: string): Promise<StaffRecord | null> {
  const row = await db.selectFrom('staff').selectAll().where('staff_id', '=', staffId).executeTakeFirst();
  if (!row) return null;
  return {
    staffId: row.staff_id,
    name: row.name,
    roles: parseRoles(row.roles),
    passwordHash: row.password_hash,
    passwordChangedAt: row.password_changed_at,
    mustChangePassword: row.must_change_password === 1,
    active: row.active === 1,
    source: row.source,
  };
}

export async function countStaff(db: Db): Promise<number> {
  const row = await db.selectFrom('staff').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertStaff(db: Db, rec: StaffRecord, now: Date): Promise<void> {
  await db
    .insertInto('staff')
    .values({
      staff_id: rec.staffId,
      name: rec.name,
      roles: JSON.stringify(rec.roles),
      password_hash: rec.passwordHash,
      password_changed_at: rec.passwordChangedAt,
      must_change_password: rec.mustChangePassword ? 1 : 0,
      active: rec.active ? 1 : 0,
      source: rec.source,
      roster_version: null,
      updated_at: now.toISOString(),
    })
    .execute();
}

export async function setPasswordHash(db: Db, staffId: string, hash: string, now: Date): Promise<void> {
  await db
    .updateTable('staff')
    .set({ password_hash: hash, password_changed_at: now.toISOString(), must_change_password: 0, updated_at: now.toISOString() })
    .where('staff_id', '=', staffId)
    .execute();
}

/**
 * Applies a roster pulled from the central platform, inside the caller's transaction (the sync
 * engine's catalog apply). Entries are upserted; a staff member missing from a full roster is
 * deactivated, never deleted (audit entries name them). A password changed at this window after
 * the roster's verifier was set is kept. Malformed verifiers are stored as null (cannot sign in).
 */
export async function applyRoster(trx: Transaction<DB>, entries: RosterEntry[], version: string, opts: { full: boolean }): Promise<{ upserted: number; deactivated: number }> {
  const now = new Date().toISOString();
  const seen = new Set<string>();
  for (const raw of entries) {
    const e = RosterEntry.parse(raw);
    seen.add(e.staffId);
    const current = await findStaff(trx, e.staffId);
    const hash = e.passwordHash && parseHash(e.passwordHash) ? e.passwordHash : null;
    const localIsNewer = Boolean(current?.passwordChangedAt && (!e.passwordChangedAt || current.passwordChangedAt > e.passwordChangedAt));
    const values = {
      name: e.name,
      roles: JSON.stringify(e.roles),
      active: e.active ? 1 : 0,
      source: 'central' as const,
      roster_version: version,
      updated_at: now,
      ...(localIsNewer ? {} : { password_hash: hash, password_changed_at: e.passwordChangedAt }),
    };
    if (current) await trx.updateTable('staff').set(values).where('staff_id', '=', e.staffId).execute();
    else
      await trx
        .insertInto('staff')
        .values({ staff_id: e.staffId, must_change_password: 0, password_hash: hash, password_changed_at: e.passwordChangedAt, ...values })
        .execute();
  }
  let deactivated = 0;
  if (opts.full) {
    const stale = await trx.selectFrom('staff').select('staff_id').where('source', '=', 'central').where('active', '=', 1).execute();
    for (const { staff_id } of stale) {
      if (seen.has(staff_id)) continue;
      await trx.updateTable('staff').set({ active: 0, roster_version: version, updated_at: now }).where('staff_id', '=', staff_id).execute();
      deactivated++;
    }
  }
  return { upserted: seen.size, deactivated };
}

function parseRoles(json: string): Role[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((r): r is Role => (ROLES as readonly string[]).includes(r)) : [];
  } catch {
    return [];
  }
}

/** A roster delete from the central platform: the account can no longer sign in; its row stays for the audit trail. */
export async function deactivateStaff(trx: Transaction<DB>, staffIds: string[], version: string): Promise<number> {
  if (staffIds.length === 0) return 0;
  const r = await trx
    .updateTable('staff')
    .set({ active: 0, roster_version: version, updated_at: new Date().toISOString() })
    .where('staff_id', 'in', staffIds)
    .where('source', '=', 'central')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
