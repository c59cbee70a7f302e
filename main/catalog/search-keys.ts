import { pinyin } from 'pinyin-pro';

/**
 * Search keys computed once when an item is imported (never per keystroke): full pinyin without
 * tones and its initials, lower-case, letters and digits only. pinyin-pro picks polyphone readings
 * from word context (重度 → zhongdu), which matters for names like 重度残疾人护理补贴.
 */
export interface SearchKeys {
  /** Syllables separated by single spaces (the index needs syllable boundaries). */
  pinyin: string;
  initials: string;
}

export function searchKeys(text: string): SearchKeys {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter((s) => s.length > 0);
  return { pinyin: syllables.join(' '), initials: syllables.map((s) => s[0]).join('') };
}

/**
 * Everyday short forms of words in formal item names (社保卡 for 社会保障卡): clerks type these.
 * Each name is indexed under its variants too, so `sbk`, `shebaoka` and 社保卡 all find 社会保障卡申领.
 */
const ALIASES: ReadonlyArray<readonly [string, string]> = [
  ['社会保障卡', '社保卡'],
  ['社会保险', '社保'],
  ['住房公积金', '公积金'],
  ['存量房', '二手房'],
  ['个体工商户', '个体户'],
  ['居民身份证', '身份证'],
  ['最低生活保障', '低保'],
  ['基本医疗保险', '医保'],
  ['不动产', '房产'],
];

/** The name with each known long form replaced by its short form (none when nothing applies). */
export function nameVariants(name: string): string[] {
  const out: string[] = [];
  for (const [long, short] of ALIASES) if (name.includes(long)) out.push(name.replace(long, short));
  return out;
}

/** Keys of an item name and its variants: variants follow after `|` (pinyin) or a space (initials). */
function itemSearchKeys(name: string, keysOf: (text: string) => SearchKeys = searchKeys): SearchKeys {
  const base = keysOf(name);
  const variants = nameVariants(name).map(keysOf);
  if (variants.length === 0) return base;
  return {
    pinyin: [base.pinyin, ...variants.map((k) => k.pinyin)].join(' | '),
    initials: [base.initials, ...variants.map((k) => k.initials)].join(' '),
  };
}

/** The keys stored with an item at import (catalog_item.search_*): its name's and its department's. */
export interface ItemKeys extends SearchKeys {
  /** The department's pinyin without spaces, then its initials. */
  deptPinyin: string;
}

export function importKeys(name: string, department: string, keysOf: (text: string) => SearchKeys = searchKeys): ItemKeys {
  const dept = keysOf(department);
  return { ...itemSearchKeys(name, keysOf), deptPinyin: `${dept.pinyin.replaceAll(' ', '')} ${dept.initials}` };
}

/**
 * `searchKeys` remembering its answers: many items of a release share a name or a department.
 * `known` are keys computed earlier (the seed's, shipped beside it), so a fresh window's start does
 * not load the pinyin dictionaries; a text not among them is computed as usual.
 */
export function cachedSearchKeys(known: Readonly<Record<string, SearchKeys>> = {}): (text: string) => SearchKeys {
  const cache = new Map<string, SearchKeys>(Object.entries(known));
  return (text) => {
    let k = cache.get(text);
    if (!k) cache.set(text, (k = searchKeys(text)));
    return k;
  };
}

/** What a typed query becomes before matching: lower-case, no spaces or separators. */
export function normaliseQuery(q: string): string {
  return q.trim().toLowerCase().replace(/[\s'’·-]+/g, '');
}

/** Every text an item's import keys are made of (name, its variants, department) with its keys: what `SEED_KEYS_FILE` holds. */
export function keysOfItems(items: ReadonlyArray<{ name: string; department: string }>): Record<string, SearchKeys> {
  const out: Record<string, SearchKeys> = {};
  const keysOf = cachedSearchKeys();
  for (const item of items) importKeys(item.name, item.department, (text) => (out[text] = keysOf(text)));
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Beside the seed's items.json: its search keys, made by `npx tsx scripts/seed-search-keys.ts`. */
export const SEED_KEYS_FILE = 'search-keys.json';
