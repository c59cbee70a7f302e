import { z } from 'zod';
import { ITEM_TYPE_CODES, LIMIT_UNITS } from '../domain/item-types';
import { defineMethod, NoInput, text } from './define';

const STAFF = ['clerk', 'supervisor', 'maintenance'] as const;

export const TimeLimitSchema = z.object({ value: z.number().int().min(0), unit: z.enum(LIMIT_UNITS) });
export const ItemTypeSchema = z.enum(ITEM_TYPE_CODES);

/** One row of a search result or a bundle's item list. `code` is the 实施编码 (opaque string). */
export const ItemSummary = z.object({
  code: z.string(),
  baseCode: z.string(),
  name: z.string(),
  itemType: ItemTypeSchema,
  itemTypeLabel: z.string(),
  department: z.string(),
  servedParties: z.array(z.string()),
  promisedLimit: TimeLimitSchema,
  /** e.g. `5个工作日`, `即办件`. */
  promisedLimitText: z.string(),
  immediate: z.boolean(),
  /** How often this window used the item (last 90 days) — drives the ranking and the empty-query list. */
  usage: z.object({ count: z.number().int(), lastUsedAt: z.string().nullable() }),
});
export type ItemSummary = z.infer<typeof ItemSummary>;

export const LicenceTypeRef = z.object({ code: z.string(), name: z.string() });

/** A material of an item (办事材料). */
export const MaterialSpec = z.object({
  /** Unique within the item. */
  code: z.string(),
  /** Shared key across items (e.g. `ID_CARD`): a bundle asks a shared material once. */
  key: z.string(),
  name: z.string(),
  issuer: z.string().nullable(),
  originals: z.number().int().min(0),
  copies: z.number().int().min(0),
  required: z.boolean(),
  /** 容缺: may be supplied after acceptance. */
  deferrable: z.boolean(),
  /** The e-licence type that can replace the paper, or null. */
  licenceType: LicenceTypeRef.nullable(),
  formRef: z.string().nullable(),
  sampleRef: z.string().nullable(),
  note: z.string().nullable(),
});
export type MaterialSpec = z.infer<typeof MaterialSpec>;

export const ItemDetail = ItemSummary.extend({
  legalLimit: TimeLimitSchema,
  legalLimitText: z.string(),
  fee: z.string(),
  handlingDepartments: z.array(z.string()),
  conditions: z.string().nullable(),
  materials: z.array(MaterialSpec),
  /** Distinct e-licence types any material accepts (for a licence look-up up front). */
  licenceTypes: z.array(LicenceTypeRef),
  /** True when at least one material allows 容缺 (the accept-with-deferred button is offered). */
  allowsDeferred: z.boolean(),
  catalogVersion: z.number().int(),
});
export type ItemDetail = z.infer<typeof ItemDetail>;

export const BundleQuestion = z.object({
  id: z.string(),
  text: z.string(),
  kind: z.enum(['single', 'multi']),
  options: z.array(z.object({ id: z.string(), label: z.string() })),
});

export const BundleSummary = z.object({
  id: z.string(),
  name: z.string(),
  theme: z.string(),
  description: z.string(),
  itemCount: z.number().int(),
});

/** A material asked once for the whole bundle, with the items that need it. */
export const MergedMaterial = MaterialSpec.omit({ code: true }).extend({
  usedBy: z.array(z.object({ itemCode: z.string(), materialCode: z.string() })),
});
export type MergedMaterial = z.infer<typeof MergedMaterial>;

export const catalogMethods = {
  'catalog.search': defineMethod({
    summary:
      'Ranked search by name, full pinyin, pinyin initials (csdj), 实施/基本编码 or department; an empty query lists this window\'s frequent and recent items',
    roles: STAFF,
    input: z.object({ q: text(100).default(''), limit: z.number().int().min(1).max(100).default(20) }).strict(),
    output: z.object({
      items: z.array(ItemSummary.extend({ matchedOn: z.enum(['code', 'name', 'pinyin', 'initials', 'department', 'usage']) })),
      catalogVersion: z.number().int(),
      total: z.number().int(),
    }),
  }),
  'catalog.item': defineMethod({
    summary: 'One item with its materials, e-licence types and 容缺 flags',
    roles: STAFF,
    input: z.object({ code: text(100).min(1) }).strict(),
    output: ItemDetail,
  }),
  'catalog.bundles': defineMethod({
    summary: '一件事一次办 bundles of the catalog',
    roles: STAFF,
    input: NoInput,
    output: z.object({ bundles: z.array(BundleSummary) }),
  }),
  'catalog.bundle': defineMethod({
    summary:
      'A bundle with its situation questions; with answers, the items they select and the merged materials (shared ones asked once)',
    roles: STAFF,
    input: z
      .object({
        id: text(100).min(1),
        /** question id → option id (single) or option ids (multi). */
        answers: z.record(text(100), z.union([text(100), z.array(text(100)).max(50)])).default({}),
      })
      .strict(),
    output: z.object({
      bundle: BundleSummary.extend({ questions: z.array(BundleQuestion) }),
      /** Questions still unanswered; items depending on them are not selected yet. */
      unanswered: z.array(z.string()),
      items: z.array(ItemSummary),
      materials: z.array(MergedMaterial),
    }),
  }),
  'catalog.info': defineMethod({
    summary: 'Catalog version and counts',
    roles: STAFF,
    input: NoInput,
    output: z.object({
      version: z.number().int(),
      itemCount: z.number().int(),
      bundleCount: z.number().int(),
      updatedAt: z.string().nullable(),
      source: z.string(),
    }),
  }),
};
