import fs from 'node:fs';
import { z } from 'zod';
import builtIn from './card-layouts.json';

/** Fields a layout may place; `version` is kept for diagnostics only. */
export const LAYOUT_FIELDS = [
  'name',
  'englishName',
  /** The rest of a long English name, joined to `englishName` (2023 foreigner card). */
  'englishNameContinued',
  'genderCode',
  'nationCode',
  'nationality',
  'birthDate',
  'address',
  'idNumber',
  'authority',
  'validFrom',
  'validTo',
  'passNumber',
  'issueCount',
  /** 换证次数 (2023 foreigner card). */
  'renewalCount',
  /** Link to the holder's previous card number (2023 foreigner card). */
  'oldNumberLink',
  'version',
] as const;
export type LayoutField = (typeof LAYOUT_FIELDS)[number];

const FieldSpec = z.tuple([z.number().int().min(0).max(254), z.number().int().min(2).max(256), z.enum(['text', 'date'])]);

const CardLayoutSchema = z.object({
  id: z.string().min(1),
  cardType: z.enum(['resident', 'permit', 'foreigner']),
  /** Type letters at text bytes 248–249 that select this layout. */
  letters: z.array(z.string().length(1)),
  /** The layout for any letter no other layout claims (the resident card). */
  default: z.boolean().optional(),
  /** How `idNumber` is checked: GB 11643 MOD 11-2, or no known check. */
  idCheck: z.enum(['mod11-2', 'none']),
  /** Where the layout comes from; `confirmed: false` → shown and logged as unconfirmed. Absent: confirmed (PROTOCOLS.md). */
  source: z.object({ confirmed: z.boolean(), note: z.string().min(1) }).optional(),
  fields: z.partialRecord(z.enum(LAYOUT_FIELDS), FieldSpec).refine((f) => f.idNumber !== undefined, 'idNumber is required'),
});
export type CardLayout = z.infer<typeof CardLayoutSchema>;

const LayoutFile = z.object({ layouts: z.array(CardLayoutSchema).min(1) });

/** Parse a layout table (the built-in one, or an extra file from configuration). Throws on a bad table. */
export function parseCardLayouts(json: unknown): CardLayout[] {
  const parsed = LayoutFile.safeParse(json);
  if (!parsed.success) throw new Error(`卡片版式表无效：${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data.layouts;
}

/** `foreigner-2023（from one vendor source, unconfirmed: …）`: how a layout is named where it is listed or logged. */
export function describeLayout(layout: CardLayout): string {
  return layout.source && !layout.source.confirmed ? `${layout.id}（未经确认：${layout.source.note}）` : layout.id;
}

export function isUnconfirmedLayout(layout: CardLayout): boolean {
  return layout.source?.confirmed === false;
}

export const BUILT_IN_LAYOUTS: readonly CardLayout[] = parseCardLayouts(builtIn);

/** Layout for a type letter: an explicit claim wins, else the default layout. Extra layouts win over built-in ones. */
export function layoutFor(letter: string, layouts: readonly CardLayout[] = BUILT_IN_LAYOUTS): CardLayout {
  const claim = layouts.find((l) => l.letters.includes(letter));
  if (claim) return claim;
  const fallback = layouts.find((l) => l.default) ?? BUILT_IN_LAYOUTS.find((l) => l.default);
  return fallback!;
}

export function layoutForType(cardType: CardLayout['cardType'], layouts: readonly CardLayout[] = BUILT_IN_LAYOUTS): CardLayout {
  return layouts.find((l) => l.cardType === cardType)!;
}

/**
 * Built-in layouts plus those of a JSON file in the same shape as `card-layouts.json` (e.g. a
 * confirmed 2023 foreigner layout replacing the unconfirmed built-in one): the file's layouts win. Throws a Chinese
 * message on an unreadable or invalid file.
 */
export function loadCardLayoutsFile(file: string): CardLayout[] {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`无法读取卡片版式文件 ${file}：${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  return [...parseCardLayouts(json), ...BUILT_IN_LAYOUTS];
}
