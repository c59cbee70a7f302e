import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { CATALOG_ENTITIES } from '../common/sync/api';
import type { CentralDB } from './db/schema';
import { catalogIsEmpty, publishCatalog } from './store/queries';

type Entity = (typeof CATALOG_ENTITIES)[number];

/** Which entity a seed file or top-level key holds, by its name (items.json, materials, bundles…). */
function entityOf(name: string): Entity | null {
  const n = name.toLowerCase();
  if (/bundle/.test(n)) return 'bundle';
  if (/material/.test(n)) return 'material';
  if (/calendar|holiday/.test(n)) return 'calendar';
  if (/staff|roster/.test(n)) return 'staff';
  if (/item|catalog/.test(n)) return 'item';
  return null;
}

function keyOf(record: unknown, index: number): string {
  if (record && typeof record === 'object') {
    const o = record as Record<string, unknown>;
    for (const k of ['code', 'id', 'key', 'staffId', 'date', 'year'])
      if (typeof o[k] === 'string' || typeof o[k] === 'number') return String(o[k]);
  }
  return String(index);
}

/**
 * Publishes the shared seed catalog (resources/catalog/*.json, release format: `materials` library
 * object, `items`, `bundles`, optional `calendar` and `staff` arrays) as the first versions when the
 * central catalog is empty, so windows and central start from the same data.
 */
export async function seedCatalogIfEmpty(db: Kysely<CentralDB>, dir: string | undefined): Promise<number> {
  if (!dir || !fs.existsSync(dir) || !(await catalogIsEmpty(db))) return 0;
  const changes: Array<{ entity: Entity; key: string; op: 'upsert'; data: unknown }> = [];
  const add = (entity: Entity, list: unknown[]) => list.forEach((r, i) => changes.push({ entity, key: keyOf(r, i), op: 'upsert', data: r }));
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown;
    const fileEntity = entityOf(file);
    if (Array.isArray(json) && fileEntity) add(fileEntity, json);
    else if (json && typeof json === 'object')
      for (const [k, v] of Object.entries(json)) {
        const e = entityOf(k);
        // The materials library is an object keyed by its reference code.
        if (e === 'material' && v && typeof v === 'object' && !Array.isArray(v))
          for (const [ref, m] of Object.entries(v)) changes.push({ entity: 'material', key: ref, op: 'upsert', data: m });
        else if (e && Array.isArray(v)) add(e, v);
      }
  }
  // Materials first: items refer to them.
  changes.sort((a, b) => Number(b.entity === 'material') - Number(a.entity === 'material'));
  if (changes.length === 0) return 0;
  return publishCatalog(db, changes, { onlyIfEmpty: true });
}
