import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { CentralDB } from '../db/schema';
import { issueCredential, type DeviceIdentity } from './credentials';

/** No 0/O, 1/I/L: the code is read aloud and typed by field staff. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_TTL_MS = 24 * 3600 * 1000;

export async function createEnrolmentCode(db: Kysely<CentralDB>, hall: string, window: string, now = new Date()): Promise<{ code: string; expiresAt: string }> {
  const bytes = crypto.randomBytes(10);
  const code = Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS).toISOString();
  await db.insertInto('enrol_codes').values({ code, hall, window, created_at: now.toISOString(), expires_at: expiresAt, used_at: null, device_id: null }).execute();
  return { code, expiresAt };
}

/**
 * Redeems a code once: the conditional update is the lock, so two windows racing with one code
 * cannot both win. Returns null for an unknown, used or expired code.
 */
export async function redeemEnrolmentCode(
  db: Kysely<CentralDB>,
  secret: Buffer,
  code: string,
  deviceName: string | undefined,
  now = new Date(),
): Promise<(DeviceIdentity & { credential: string }) | null> {
  const normalised = code.trim().toUpperCase().replace(/[\s-]/g, '');
  return db.transaction().execute(async (trx) => {
    const deviceId = uuidv7();
    const at = now.toISOString();
    const claimed = await trx
      .updateTable('enrol_codes')
      .set({ used_at: at, device_id: deviceId })
      .where('code', '=', normalised)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return null;
    const row = await trx.selectFrom('enrol_codes').select(['hall', 'window']).where('code', '=', normalised).executeTakeFirstOrThrow();
    await trx.insertInto('devices').values({ id: deviceId, hall: row.hall, window: row.window, name: deviceName ?? null, enrolled_at: at, last_seen_at: at }).execute();
    const who = { deviceId, hall: row.hall, window: row.window };
    return { ...who, credential: issueCredential(secret, who) };
  });
}
