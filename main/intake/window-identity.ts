import type { Kysely } from 'kysely';
import { LOCAL_HALL_CODE, randomLocalWindowCode } from '../../common/domain/case-number';
import type { DB } from '../db/schema';

export interface WindowIdentity {
  hallCode: string;
  windowCode: string;
  /** False while the window uses local codes (not enrolled with the central platform). */
  enrolled: boolean;
}

/** Case numbers allow letters and digits only inside each part. */
const clean = (code: string | undefined | null) => (code ?? '').replace(/[^A-Za-z0-9]/g, '').slice(0, 16);

/**
 * Hall and window codes for case numbers: the enrolled codes (meta `sync.hall` / `sync.window`
 * written by enrolment, or the settings file), else `LOCAL` and a random window code made once and
 * kept in meta, so two un-enrolled windows never issue the same number.
 */
export async function resolveWindowIdentity(
  db: Kysely<DB>,
  configured?: { hallCode?: string | null; windowCode?: string | null },
): Promise<WindowIdentity> {
  const rows = await db.selectFrom('meta').select(['key', 'value']).where('key', 'in', ['sync.hall', 'sync.window', 'local_window_code']).execute();
  const meta = new Map(rows.map((r) => [r.key, r.value]));
  const hall = clean(meta.get('sync.hall')) || clean(configured?.hallCode);
  const window = clean(meta.get('sync.window')) || clean(configured?.windowCode);
  if (hall && window) return { hallCode: hall, windowCode: window, enrolled: true };
  let local = meta.get('local_window_code');
  if (!local) {
    local = randomLocalWindowCode();
    await db.insertInto('meta').values({ key: 'local_window_code', value: local }).onConflict((oc) => oc.column('key').doNothing()).execute();
    const kept = await db.selectFrom('meta').select('value').where('key', '=', 'local_window_code').executeTakeFirstOrThrow();
    local = kept.value;
  }
  return { hallCode: LOCAL_HALL_CODE, windowCode: local, enrolled: false };
}

/**
 * Resolves the identity at most once per `ttlMs` (an accept should not pay a meta read). Enrolment
 * changes the codes rarely; the next case after the TTL picks them up.
 */
export function cachedIdentity(resolve: () => Promise<WindowIdentity>, ttlMs = 2000): () => Promise<WindowIdentity> {
  let cached: { at: number; value: Promise<WindowIdentity> } | null = null;
  return () => {
    const now = Date.now();
    if (!cached || now - cached.at > ttlMs) {
      const value = resolve();
      cached = { at: now, value };
      value.catch(() => (cached = null));
    }
    return cached.value;
  };
}

/** This window's identity from its database and settings file, cached (intake, appointments). */
export function windowIdentityOf(db: Kysely<DB>, settings: { get(): { hall: { code?: string | null }; window: { code?: string | null } } }): () => Promise<WindowIdentity> {
  return cachedIdentity(() => {
    const s = settings.get();
    return resolveWindowIdentity(db, { hallCode: s.hall.code, windowCode: s.window.code });
  });
}
