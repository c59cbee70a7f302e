import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { CatalogRelease, type CatalogReleaseInput, type ReleaseItem } from './release-schema';
import { cachedSearchKeys, importKeys, type SearchKeys } from './search-keys';

const LIBRARY_KEY = 'catalog_material_library';

export class CatalogReleaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogReleaseError';
  }
}

/** A material of an item after resolving its library reference. */
export interface ResolvedMaterial {
  code: string;
  key: string;
  name: string;
  issuer: string | null;
  originals: number;
  copies: number;
  required: boolean;
  deferrable: boolean;
  licenceType: { code: string; name: string } | null;
  formRef: string | null;
  sampleRef: string | null;
  note: string | null;
}

export function resolveMaterials(item: ReleaseItem, library: CatalogRelease['materials']): ResolvedMaterial[] {
  const seen = new Set<string>();
  return item.materials.map((m) => {
    if (seen.has(m.code)) throw new CatalogReleaseError(`事项 ${item.code} 的材料编码重复：${m.code}`);
    seen.add(m.code);
    const lib = m.ref ? library[m.ref] : undefined;
    if (m.ref && !lib) throw new CatalogReleaseError(`事项 ${item.code} 引用了材料库中不存在的材料：${m.ref}`);
    const name = m.name ?? lib?.name;
    if (!name) throw new CatalogReleaseError(`事项 ${item.code} 的材料 ${m.code} 没有名称`);
    return {
      code: m.code,
      key: m.key ?? (m.ref ? (m.name ? `${m.ref}:${m.name}` : m.ref) : `${item.code}:${m.code}`),
      name,
      issuer: m.issuer !== undefined ? m.issuer : (lib?.issuer ?? null),
      originals: m.originals ?? lib?.originals ?? 1,
      copies: m.copies ?? lib?.copies ?? 0,
      required: m.required,
      deferrable: m.deferrable,
      licenceType: m.licenceType !== undefined ? m.licenceType : (lib?.licenceType ?? null),
      formRef: m.formRef,
      sampleRef: m.sampleRef,
      note: m.note,
    };
  });
}

/**
 * Applies a catalog release (the seed, or a central delta) inside the caller's transaction, so a
 * delta lands whole or not at all. Versions only move forward.
 */
export async function applyRelease(
  trx: Transaction<DB>,
  input: CatalogReleaseInput,
  opts: { now?: Date; knownKeys?: Readonly<Record<string, SearchKeys>> } = {},
): Promise<{ version: number; upserted: number; removed: number }> {
  const parsed = CatalogRelease.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CatalogReleaseError(`事项目录数据格式不正确（${issue?.path.join('.') ?? ''}：${issue?.message ?? ''}）`);
  }
  const release = parsed.data;
  const current = await trx.selectFrom('catalog_release').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
  const currentVersion = Number(current?.v ?? 0);
  if (release.version <= currentVersion)
    throw new CatalogReleaseError(`事项目录版本 ${release.version} 不比本地版本 ${currentVersion} 新，已忽略。`);
  const now = (opts.now ?? new Date()).toISOString();
  // Deltas may reference library materials published in earlier releases: keep the merged library.
  const stored = await trx.selectFrom('meta').select('value').where('key', '=', LIBRARY_KEY).executeTakeFirst();
  const library = { ...(stored && !release.full ? (JSON.parse(stored.value) as CatalogRelease['materials']) : {}), ...release.materials };
  const libraryJson = JSON.stringify(library);
  await trx.insertInto('meta').values({ key: LIBRARY_KEY, value: libraryJson }).onConflict((oc) => oc.column('key').doUpdateSet({ value: libraryJson })).execute();

  let removed = 0;
  if (release.full) {
    const keep = new Set(release.items.map((i) => i.code));
    const existing = await trx.selectFrom('catalog_item').select('code').execute();
    const gone = existing.map((r) => r.code).filter((c) => !keep.has(c));
    for (const code of gone) await trx.deleteFrom('catalog_item').where('code', '=', code).execute();
    removed += gone.length;
    await trx.deleteFrom('catalog_bundle').execute();
  }
  for (const code of release.removedItems) {
    const r = await trx.deleteFrom('catalog_item').where('code', '=', code).executeTakeFirst();
    removed += Number(r.numDeletedRows);
  }
  for (const id of release.removedBundles) await trx.deleteFrom('catalog_bundle').where('id', '=', id).execute();

  // Many items share a name or department (one base item, many implementing offices): key them once.
  const keys = cachedSearchKeys(opts.knownKeys);
  for (const item of release.items) await upsertItem(trx, item, library, release.version, now, keys);
  for (const b of release.bundles) {
    const { id, name, theme, description, ...definition } = b;
    const row = { id, name, theme, description, definition: JSON.stringify(definition), version: release.version };
    await trx.insertInto('catalog_bundle').values(row).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
  }
  const count = await trx.selectFrom('catalog_item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  await trx
    .insertInto('catalog_release')
    .values({ version: release.version, applied_at: now, source: release.source, item_count: Number(count.n) })
    .execute();
  return { version: release.version, upserted: release.items.length, removed };
}

async function upsertItem(
  trx: Transaction<DB>,
  item: ReleaseItem,
  library: CatalogRelease['materials'],
  version: number,
  now: string,
  keysOf: (text: string) => SearchKeys,
): Promise<void> {
  const materials = resolveMaterials(item, library);
  const keys = importKeys(item.name, item.department, keysOf);
  const row = {
    code: item.code,
    base_code: item.baseCode,
    name: item.name,
    item_type: item.itemType,
    served_parties: JSON.stringify(item.servedParties),
    department: item.department,
    handling_departments: JSON.stringify(item.handlingDepartments.length ? item.handlingDepartments : [item.department]),
    legal_limit_value: item.legalLimit.value,
    legal_limit_unit: item.legalLimit.unit,
    promised_limit_value: item.promisedLimit.value,
    promised_limit_unit: item.promisedLimit.unit,
    fee: item.fee,
    conditions: item.conditions,
    search_pinyin: keys.pinyin,
    search_initials: keys.initials,
    search_dept_pinyin: keys.deptPinyin,
    version,
    updated_at: now,
  };
  await trx.insertInto('catalog_item').values(row).onConflict((oc) => oc.column('code').doUpdateSet(row)).execute();
  await trx.deleteFrom('catalog_material').where('item_code', '=', item.code).execute();
  if (materials.length === 0) return;
  await trx
    .insertInto('catalog_material')
    .values(
      materials.map((m, i) => ({
        item_code: item.code,
        code: m.code,
        key: m.key,
        name: m.name,
        issuer: m.issuer,
        originals: m.originals,
        copies: m.copies,
        required: m.required ? 1 : 0,
        deferral_allowed: m.deferrable ? 1 : 0,
        licence_type_code: m.licenceType?.code ?? null,
        licence_type_name: m.licenceType?.name ?? null,
        form_ref: m.formRef,
        sample_ref: m.sampleRef,
        note: m.note,
        sort: i,
      })),
    )
    .execute();
}
