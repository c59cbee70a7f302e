import type { Kysely, Transaction } from 'kysely';
import type { CatalogChange } from '../../common/sync/api';
import { RosterEntry, applyRoster } from '../auth/roster';
import { applyRelease } from '../catalog/apply-release';
import type { CatalogReleaseInput } from '../catalog/release-schema';
import type { DB } from '../db/schema';
import { writeSyncMeta } from './sync-meta';

/**
 * Applies one page of central catalog changes and advances the cursor in the same transaction, so
 * the cursor never runs ahead of durable data. Items and bundles go through the catalog's own
 * release applier; the materials library and staff roster are mirrored in `central_catalog`
 * (items refer to library entries sent in earlier pages).
 */
export async function applyCatalogPage(db: Kysely<DB>, changes: CatalogChange[], cursor: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (changes.length > 0) await applyChanges(trx, changes, cursor);
    await writeSyncMeta(trx, { catalogCursor: cursor, lastPullAt: new Date().toISOString() });
  });
}

async function applyChanges(trx: Transaction<DB>, changes: CatalogChange[], cursor: number): Promise<void> {
  const release = { items: [] as unknown[], removedItems: [] as string[], bundles: [] as unknown[], removedBundles: [] as string[] };
  const roster: RosterEntry[] = [];
  // Within a page the last change of a key wins, so a change the central side took back is never applied.
  const latest = new Map(changes.map((c) => [`${c.entity}\u0000${c.key}`, c]));
  for (const c of latest.values()) {
    if (c.entity === 'material' || c.entity === 'staff') await mirror(trx, c);
    if (c.entity === 'item') (c.op === 'delete' ? release.removedItems.push(c.key) : release.items.push(c.data));
    if (c.entity === 'bundle') (c.op === 'delete' ? release.removedBundles.push(c.key) : release.bundles.push(c.data));
    if (c.entity === 'staff' && c.op === 'upsert') roster.push(RosterEntry.parse(c.data));
    if (c.entity === 'calendar') await applyCalendar(trx, c);
  }
  if (release.items.length || release.removedItems.length || release.bundles.length || release.removedBundles.length) {
    const library = await trx.selectFrom('central_catalog').select(['key', 'data']).where('entity', '=', 'material').execute();
    // Local release numbers only move forward; the central cursor is kept separately in meta.
    const current = await trx.selectFrom('catalog_release').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
    await applyRelease(trx, {
      version: Number(current?.v ?? 0) + 1,
      source: `central@${cursor}`,
      materials: Object.fromEntries(library.map((m) => [m.key, JSON.parse(m.data)])),
      ...release,
    } as CatalogReleaseInput);
  }
  if (roster.length) await applyRoster(trx, roster, `central@${cursor}`, { full: false });
}

async function mirror(trx: Transaction<DB>, c: CatalogChange): Promise<void> {
  if (c.op === 'delete') {
    await trx.deleteFrom('central_catalog').where('entity', '=', c.entity).where('key', '=', c.key).execute();
    return;
  }
  const row = { entity: c.entity, key: c.key, data: JSON.stringify(c.data ?? null), version: c.version };
  await trx.insertInto('central_catalog').values(row).onConflict((oc) => oc.columns(['entity', 'key']).doUpdateSet(row)).execute();
}

/** Calendar entries: `{ date, kind: 'workday' | 'holiday', name? }` keyed by date. */
async function applyCalendar(trx: Transaction<DB>, c: CatalogChange): Promise<void> {
  if (c.op === 'delete') {
    await trx.deleteFrom('calendar_override').where('date', '=', c.key).execute();
    return;
  }
  const d = (c.data ?? {}) as { kind?: unknown; name?: unknown };
  if (d.kind !== 'workday' && d.kind !== 'holiday') return;
  const row = { date: c.key, kind: d.kind as 'workday' | 'holiday', name: typeof d.name === 'string' ? d.name : null, updated_at: new Date().toISOString() };
  await trx.insertInto('calendar_override').values(row).onConflict((oc) => oc.column('date').doUpdateSet(row)).execute();
}
