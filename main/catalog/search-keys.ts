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

/** What a typed query becomes before matching: lower-case, no spaces or separators. */
export function normaliseQuery(q: string): string {
  return q.trim().toLowerCase().replace(/[\s'’·-]+/g, '');
}
