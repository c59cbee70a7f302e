import { z } from 'zod';
import { ITEM_TYPE_CODES, LIMIT_UNITS, SERVED_PARTY_CODES } from '../../common/domain/item-types';

/**
 * The shape of a catalog release: the seed in resources/catalog and the deltas the central
 * platform publishes. Validated with zod on load, so a broken file is a clear message, not a crash.
 */

const Limit = z.object({ value: z.number().int().min(0).max(3650), unit: z.enum(LIMIT_UNITS) }).strict();
const LicenceType = z.object({ code: z.string().min(1), name: z.string().min(1) }).strict();

/** An entry of the materials library (办事材料基础数据库), referenced by items. */
const LibraryMaterial = z
  .object({
    name: z.string().min(1),
    issuer: z.string().nullable().default(null),
    originals: z.number().int().min(0).max(99).default(1),
    copies: z.number().int().min(0).max(99).default(0),
    licenceType: LicenceType.nullable().default(null),
  })
  .strict();

/** A material of an item: a library reference with overrides, or fully inline (no `ref`). */
const ItemMaterial = z
  .object({
    code: z.string().min(1).max(40),
    ref: z.string().optional(),
    /** Shared key for bundle merging; default: the ref (plus the name when the name is overridden). */
    key: z.string().optional(),
    name: z.string().optional(),
    issuer: z.string().nullable().optional(),
    originals: z.number().int().min(0).max(99).optional(),
    copies: z.number().int().min(0).max(99).optional(),
    required: z.boolean().default(true),
    deferrable: z.boolean().default(false),
    licenceType: LicenceType.nullable().optional(),
    formRef: z.string().nullable().default(null),
    sampleRef: z.string().nullable().default(null),
    note: z.string().nullable().default(null),
  })
  .strict();

export const ReleaseItem = z
  .object({
    code: z.string().min(1).max(100),
    baseCode: z.string().min(1).max(100),
    name: z.string().min(1).max(200),
    itemType: z.enum(ITEM_TYPE_CODES),
    servedParties: z.array(z.enum(SERVED_PARTY_CODES)).min(1),
    department: z.string().min(1),
    handlingDepartments: z.array(z.string()).default([]),
    legalLimit: Limit,
    promisedLimit: Limit,
    fee: z.string().default('不收费'),
    conditions: z.string().nullable().default(null),
    materials: z.array(ItemMaterial).max(200),
  })
  .strict();
export type ReleaseItem = z.infer<typeof ReleaseItem>;

const Condition = z.object({ question: z.string(), in: z.array(z.string()).min(1) }).strict();
export type BundleCondition = z.infer<typeof Condition>;

export const ReleaseBundle = z
  .object({
    id: z.string().min(1).max(100),
    name: z.string().min(1),
    theme: z.string(),
    description: z.string(),
    questions: z.array(
      z
        .object({
          id: z.string().min(1),
          text: z.string().min(1),
          kind: z.enum(['single', 'multi']),
          options: z.array(z.object({ id: z.string().min(1), label: z.string().min(1) }).strict()).min(1),
        })
        .strict(),
    ),
    items: z.array(z.object({ code: z.string().min(1), when: Condition.optional() }).strict()).min(1),
    /** Situation rules on shared material keys: drop them, or make them required. */
    materialRules: z
      .array(
        z
          .object({ when: Condition, drop: z.array(z.string()).optional(), require: z.array(z.string()).optional() })
          .strict(),
      )
      .default([]),
  })
  .strict();
export type ReleaseBundle = z.infer<typeof ReleaseBundle>;

export const CatalogRelease = z
  .object({
    version: z.number().int().min(1),
    source: z.string().default('central'),
    /** A full release replaces the catalog; a delta upserts and removes. */
    full: z.boolean().default(false),
    materials: z.record(z.string(), LibraryMaterial).default({}),
    items: z.array(ReleaseItem).default([]),
    removedItems: z.array(z.string()).default([]),
    bundles: z.array(ReleaseBundle).default([]),
    removedBundles: z.array(z.string()).default([]),
  })
  .strict();
export type CatalogRelease = z.infer<typeof CatalogRelease>;
export type CatalogReleaseInput = z.input<typeof CatalogRelease>;
