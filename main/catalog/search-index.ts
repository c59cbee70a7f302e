import { normaliseQuery } from './search-keys';

/** What the index needs of an item: its display fields and the keys computed at import. */
export interface IndexedItem {
  code: string;
  baseCode: string;
  name: string;
  department: string;
  /** Syllables separated by spaces. */
  pinyin: string;
  initials: string;
  /** Department full pinyin and initials, space separated. */
  deptPinyin: string;
}

export type MatchField = 'code' | 'name' | 'pinyin' | 'initials' | 'department';

export interface SearchHit {
  index: number;
  score: number;
  matchedOn: MatchField;
}

const SEP = '\u0001';
const HAS_CJK = /[\u3400-\u9fff]/;

/**
 * One field of every item concatenated into a single string, so a query is a handful of native
 * `indexOf` scans over one buffer instead of 50 000 small string comparisons per keystroke.
 */
class Haystack {
  readonly text: string;
  readonly starts: Int32Array;
  /** For pinyin: 1 where a syllable starts (matches inside a syllable are noise). */
  readonly boundary: Uint8Array | null;

  constructor(values: readonly string[], syllables = false) {
    const starts = new Int32Array(values.length + 1);
    const parts: string[] = [];
    let pos = 0;
    const bounds: number[] = [];
    values.forEach((v, i) => {
      starts[i] = pos;
      let clean = v;
      if (syllables) {
        clean = '';
        for (const s of v.split(' ')) {
          if (!s) continue;
          bounds.push(pos + clean.length);
          clean += s;
        }
      }
      parts.push(clean);
      pos += clean.length + 1;
    });
    starts[values.length] = pos;
    this.text = parts.join(SEP) + SEP;
    this.starts = starts;
    if (syllables) {
      this.boundary = new Uint8Array(this.text.length);
      for (const b of bounds) this.boundary[b] = 1;
    } else this.boundary = null;
  }

  /** Item index owning text position `pos` (binary search over starts). */
  owner(pos: number): number {
    let lo = 0;
    let hi = this.starts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Calls `visit(item, offsetInItem, itemLength)` for the first acceptable occurrence in each item. */
  scan(q: string, visit: (item: number, offset: number, length: number) => void): void {
    let from = 0;
    for (;;) {
      const at = this.text.indexOf(q, from);
      if (at < 0) return;
      const item = this.owner(at);
      const start = this.starts[item]!;
      if (this.boundary && this.boundary[at] !== 1) {
        from = at + 1;
        continue;
      }
      visit(item, at - start, this.starts[item + 1]! - start - 1);
      from = this.starts[item + 1]!; // the first occurrence is the best one: skip to the next item
    }
  }
}

/**
 * In-memory ranked search over the catalog. Tiers: code, exact/prefix name, initials, pinyin,
 * contained name, department; inside a tier, earlier matches, this window's frequent items and
 * shorter names come first.
 */
export class CatalogSearchIndex {
  private readonly names: Haystack;
  private readonly codes: Haystack;
  private readonly pinyin: Haystack;
  private readonly initials: Haystack;
  private readonly depts: Haystack;
  private readonly nameLengths: Uint16Array;
  private readonly scores: Float64Array;
  private readonly fields: Uint8Array;
  private readonly touched: Int32Array;

  constructor(
    readonly items: readonly IndexedItem[],
    private readonly usageBonus: (code: string) => number = () => 0,
  ) {
    this.names = new Haystack(items.map((i) => i.name.toLowerCase()));
    this.codes = new Haystack(items.map((i) => `${i.code} ${i.baseCode}`.toLowerCase()));
    this.pinyin = new Haystack(items.map((i) => i.pinyin), true);
    this.initials = new Haystack(items.map((i) => i.initials));
    this.depts = new Haystack(items.map((i) => `${i.department} ${i.deptPinyin}`.toLowerCase()));
    this.nameLengths = Uint16Array.from(items, (i) => Math.min(i.name.length, 65535));
    this.scores = new Float64Array(items.length);
    this.fields = new Uint8Array(items.length);
    this.touched = new Int32Array(items.length);
  }

  get size(): number {
    return this.items.length;
  }

  search(rawQuery: string, limit: number): { hits: SearchHit[]; total: number } {
    const q = normaliseQuery(rawQuery);
    if (!q) return { hits: [], total: 0 };
    let touchedCount = 0;
    const scores = this.scores;
    const fields = this.fields;
    const consider = (field: number, base: number) => (item: number, offset: number, length: number) => {
      const exact = offset === 0 && length === q.length;
      const score = base + (exact ? 150 : offset === 0 ? 100 : -Math.min(offset, 50)) - length * 0.1;
      if (scores[item] === 0) this.touched[touchedCount++] = item;
      if (score > scores[item]!) {
        scores[item] = score;
        fields[item] = field;
      }
    };
    if (HAS_CJK.test(q)) {
      this.names.scan(q, consider(1, 700));
      this.depts.scan(q, consider(4, 300));
    } else {
      this.codes.scan(q, consider(0, 800));
      if (/^[a-z]+$/.test(q)) {
        this.initials.scan(q, consider(3, 650));
        this.pinyin.scan(q, consider(2, 600));
      }
      this.names.scan(q, consider(1, 500));
      this.depts.scan(q, consider(4, 250));
    }
    const hits = this.topK(touchedCount, limit);
    for (let i = 0; i < touchedCount; i++) scores[this.touched[i]!] = 0;
    return { hits, total: touchedCount };
  }

  /** Best `limit` of the touched items, by score plus usage bonus (a small bounded heap). */
  private topK(count: number, limit: number): SearchHit[] {
    const best: SearchHit[] = [];
    const FIELD: MatchField[] = ['code', 'name', 'pinyin', 'initials', 'department'];
    for (let i = 0; i < count; i++) {
      const index = this.touched[i]!;
      const score = this.scores[index]! + this.usageBonus(this.items[index]!.code);
      if (best.length === limit && score <= best[best.length - 1]!.score) continue;
      const hit = { index, score, matchedOn: FIELD[this.fields[index]!]! };
      let at = best.length;
      while (at > 0 && (best[at - 1]!.score < score || (best[at - 1]!.score === score && this.nameLengths[best[at - 1]!.index]! > this.nameLengths[index]!))) at--;
      best.splice(at, 0, hit);
      if (best.length > limit) best.pop();
    }
    return best;
  }
}
