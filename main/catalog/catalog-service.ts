import fs from 'node:fs';
import path from 'node:path';
import type { Kysely, Selectable } from 'kysely';
import type { ItemDetail, ItemSummary, MaterialSpec } from '../../common/contract/catalog';
import { AppError } from '../../common/contract/errors';
import { describeLimit, ITEM_TYPES, type ItemTypeCode, type LimitUnit, type TimeLimit } from '../../common/domain/item-types';
import type { DB } from '../db/schema';
import { applyRelease, CatalogReleaseError } from './apply-release';
import { mergeMaterials, selectItems, type BundleAnswers, type BundleDefinition } from './bundle-resolver';
import type { CatalogReleaseInput } from './release-schema';
import { CatalogSearchIndex, type IndexedItem } from './search-index';
import type { CatalogItemTable } from '../db/migrations/002-catalog.tables';
import { UsageStats } from './usage';

type ItemRow = Selectable<CatalogItemTable>;

/**
 * The catalog as the window uses it: items and bundles in SQLite, a search index in memory
 * (rebuilt after each release), and this window's usage for ranking.
 */
export class CatalogService {
  private index = new CatalogSearchIndex([]);
  private rows = new Map<string, ItemRow>();
  private version = 0;
  /** Materials of recently used items; a release clears it. Intake reads them on every accept. */
  private readonly materialCache = new Map<string, MaterialSpec[]>();
  readonly usage = new UsageStats();

  constructor(private readonly db: Kysely<DB>) {}

  /** Loads the index; seeds the catalog from `seedDir` when the database has none yet. */
  async start(seedDir?: string): Promise<void> {
    const has = await this.db.selectFrom('catalog_release').select('version').limit(1).executeTakeFirst();
    if (!has && seedDir) await this.applyRelease(readSeed(seedDir));
    await this.usage.load(this.db);
    await this.reload();
  }

  async reload(): Promise<void> {
    const rows = await this.db.selectFrom('catalog_item').selectAll().orderBy('code').execute();
    const v = await this.db.selectFrom('catalog_release').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
    this.version = Number(v?.v ?? 0);
    this.rows = new Map(rows.map((r) => [r.code, r]));
    this.materialCache.clear();
    const indexed: IndexedItem[] = rows.map((r) => ({
      code: r.code,
      baseCode: r.base_code,
      name: r.name,
      department: r.department,
      pinyin: r.search_pinyin,
      initials: r.search_initials,
      deptPinyin: r.search_dept_pinyin,
    }));
    this.index = new CatalogSearchIndex(indexed, (code) => this.usage.bonus(code));
  }

  /** Applies a release (seed or central delta) atomically, then rebuilds the index. */
  async applyRelease(release: CatalogReleaseInput): Promise<{ version: number; upserted: number; removed: number }> {
    const result = await this.db.transaction().execute((trx) => applyRelease(trx, release));
    await this.reload();
    return result;
  }

  get catalogVersion(): number {
    return this.version;
  }

  search(q: string, limit: number): { items: Array<ItemSummary & { matchedOn: string }>; total: number } {
    if (!q.trim()) {
      const codes = this.usage.top(limit).filter((c) => this.rows.has(c));
      for (const r of this.rows.values()) {
        if (codes.length >= limit) break;
        if (!codes.includes(r.code)) codes.push(r.code);
      }
      return { items: codes.map((c) => ({ ...this.summary(this.rows.get(c)!), matchedOn: 'usage' })), total: this.rows.size };
    }
    const { hits, total } = this.index.search(q, limit);
    return {
      items: hits.map((h) => ({ ...this.summary(this.rows.get(this.index.items[h.index]!.code)!), matchedOn: h.matchedOn })),
      total,
    };
  }

  summaryOf(code: string): ItemSummary {
    const row = this.rows.get(code);
    if (!row) throw new AppError('NOT_FOUND', `事项目录中没有编码为 ${code} 的事项，可能已被取消；请重新搜索。`);
    return this.summary(row);
  }

  private summary(r: ItemRow): ItemSummary {
    const promised = limitOf(r.promised_limit_value, r.promised_limit_unit);
    return {
      code: r.code,
      baseCode: r.base_code,
      name: r.name,
      itemType: r.item_type as ItemTypeCode,
      itemTypeLabel: ITEM_TYPES[r.item_type as ItemTypeCode] ?? r.item_type,
      department: r.department,
      servedParties: JSON.parse(r.served_parties) as string[],
      promisedLimit: promised,
      promisedLimitText: describeLimit(promised),
      immediate: promised.unit === 'immediate',
      usage: this.usage.of(r.code),
    };
  }

  async item(code: string): Promise<ItemDetail> {
    const summary = this.summaryOf(code);
    const row = this.rows.get(code)!;
    const materials = await this.materials(code);
    const licence = new Map(materials.filter((m) => m.licenceType).map((m) => [m.licenceType!.code, m.licenceType!]));
    const legal = limitOf(row.legal_limit_value, row.legal_limit_unit);
    return {
      ...summary,
      legalLimit: legal,
      legalLimitText: describeLimit(legal),
      fee: row.fee,
      handlingDepartments: JSON.parse(row.handling_departments) as string[],
      conditions: row.conditions,
      materials,
      licenceTypes: [...licence.values()],
      allowsDeferred: materials.some((m) => m.deferrable),
      catalogVersion: this.version,
    };
  }

  async materials(code: string): Promise<MaterialSpec[]> {
    const cached = this.materialCache.get(code);
    if (cached) return cached.map((m) => ({ ...m }));
    const specs = await this.loadMaterials(code);
    if (this.materialCache.size >= 500) this.materialCache.delete(this.materialCache.keys().next().value!);
    this.materialCache.set(code, specs);
    return specs.map((m) => ({ ...m }));
  }

  private async loadMaterials(code: string): Promise<MaterialSpec[]> {
    const rows = await this.db.selectFrom('catalog_material').selectAll().where('item_code', '=', code).orderBy('sort').execute();
    return rows.map((m) => ({
      code: m.code,
      key: m.key,
      name: m.name,
      issuer: m.issuer,
      originals: m.originals,
      copies: m.copies,
      required: m.required === 1,
      deferrable: m.deferral_allowed === 1,
      licenceType: m.licence_type_code ? { code: m.licence_type_code, name: m.licence_type_name ?? m.licence_type_code } : null,
      formRef: m.form_ref,
      sampleRef: m.sample_ref,
      note: m.note,
    }));
  }

  async bundles() {
    const rows = await this.db.selectFrom('catalog_bundle').selectAll().orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      theme: r.theme,
      description: r.description,
      itemCount: (JSON.parse(r.definition) as BundleDefinition).items.length,
    }));
  }

  async bundle(id: string, answers: BundleAnswers) {
    const row = await this.db.selectFrom('catalog_bundle').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的“一件事”主题，请刷新列表。`);
    const def = JSON.parse(row.definition) as BundleDefinition;
    const { codes, unanswered } = selectItems(def, answers);
    const present = codes.filter((c) => this.rows.has(c));
    const withMaterials = await Promise.all(present.map(async (code) => ({ code, materials: await this.materials(code) })));
    return {
      bundle: { id: row.id, name: row.name, theme: row.theme, description: row.description, itemCount: def.items.length, questions: def.questions },
      unanswered,
      items: present.map((c) => this.summaryOf(c)),
      materials: mergeMaterials(def, answers, withMaterials),
    };
  }

  async info() {
    const last = await this.db.selectFrom('catalog_release').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
    const bundles = await this.db.selectFrom('catalog_bundle').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return {
      version: this.version,
      itemCount: this.rows.size,
      bundleCount: Number(bundles.n),
      updatedAt: last?.applied_at ?? null,
      source: last?.source ?? 'none',
    };
  }
}

export function limitOf(value: number, unit: string): TimeLimit {
  return { value, unit: unit as LimitUnit };
}

/** The seed catalog: items.json + bundles.json of resources/catalog, as one full release. */
export function readSeed(dir: string): CatalogReleaseInput {
  try {
    const items = JSON.parse(fs.readFileSync(path.join(dir, 'items.json'), 'utf8')) as CatalogReleaseInput;
    const bundles = JSON.parse(fs.readFileSync(path.join(dir, 'bundles.json'), 'utf8')) as { bundles: CatalogReleaseInput['bundles'] };
    return { ...items, full: true, bundles: bundles.bundles };
  } catch (err) {
    throw new CatalogReleaseError(`无法读取内置事项目录（${dir}）：${(err as Error).message}`);
  }
}
