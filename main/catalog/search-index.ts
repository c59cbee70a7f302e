import { nameVariants, normaliseQuery } from './search-keys';
import { MAX_USAGE_BONUS } from './usage';

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
const FIELDS: MatchField[] = ['code', 'name', 'pinyin', 'initials', 'department'];

export interface SearchHit {
  index: number;
  score: number;
  matchedOn: MatchField;
}

const SEP = '\u0001';
const HAS_CJK = /[\u3400-\u9fff]/;

/**
 * One field of every group concatenated into a single string, so a query is a few native `indexOf`
 * scans over one buffer instead of tens of thousands of small string comparisons per keystroke.
 */
class Haystack {
  readonly text: string;
  readonly starts: Int32Array;
  /** For pinyin: 1 where a syllable starts (matches inside a syllable are noise). */
  readonly boundary: Uint8Array | null;

  constructor(values: readonly string[], syllables = false) {
    const starts = new Int32Array(values.length + 1);
    const parts: string[] = [];
    const bounds: number[] = [];
    let pos = 0;
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
    this.boundary = syllables ? new Uint8Array(this.text.length) : null;
    for (const b of bounds) this.boundary![b] = 1;
  }

  private owner(pos: number): number {
    let lo = 0;
    let hi = this.starts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Calls `visit(entry, offset, length)` for the first acceptable occurrence in each entry. */
  scan(q: string, visit: (entry: number, offset: number, length: number) => void): void {
    let from = 0;
    for (;;) {
      const at = this.text.indexOf(q, from);
      if (at < 0) return;
      const entry = this.owner(at);
      if (this.boundary && this.boundary[at] !== 1) {
        from = at + 1;
        continue;
      }
      const start = this.starts[entry]!;
      // The start of a name variant (after ' ' or '|') counts as a prefix match.
      const before = this.text.charCodeAt(at - 1);
      visit(entry, at > start && (before === 32 || before === 124) ? 0 : at - start, this.starts[entry + 1]! - start - 1);
      from = this.starts[entry + 1]!; // the first occurrence is the best one: skip to the next entry
    }
  }
}

/** Sorted keys for prefix look-ups by binary search (codes: a typed code is a prefix, never a middle). */
class SortedKeys {
  private readonly keys: string[];
  private readonly items: Int32Array;

  constructor(pairs: Array<[string, number]>) {
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    this.keys = pairs.map((p) => p[0]);
    this.items = Int32Array.from(pairs, (p) => p[1]);
  }

  /** Items whose key starts with `q`, at most `max`, and how many there are. */
  prefix(q: string, max: number, visit: (item: number, exact: boolean) => void): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid]! < q) lo = mid + 1;
      else hi = mid;
    }
    let n = 0;
    for (let i = lo; i < this.keys.length && this.keys[i]!.startsWith(q); i++, n++) if (n < max) visit(this.items[i]!, this.keys[i]!.length === q.length);
    return n;
  }
}

/**
 * In-memory ranked search over the catalog. Many items share a name (one base item implemented by
 * many departments and counties), so names, pinyin and initials are indexed once per distinct
 * name; codes are prefix-searched in sorted arrays. Tiers: code, exact/prefix name, initials,
 * pinyin, name contains, department; inside a tier, earlier matches, this window's frequent items
 * and shorter names come first.
 */
export class CatalogSearchIndex {
  private readonly groupItems: Int32Array[];
  private readonly names: Haystack;
  private readonly pinyin: Haystack;
  private readonly initials: Haystack;
  private readonly deptItems: Int32Array[];
  private readonly depts: Haystack;
  private readonly codes: SortedKeys;
  private readonly nameLengths: Uint16Array;

  constructor(
    readonly items: readonly IndexedItem[],
    /** At most MAX_USAGE_BONUS: the threshold walk of `search` stops on that bound. */
    private readonly usageBonus: (code: string) => number = () => 0,
  ) {
    const byName = groupBy(items, (i) => i.name);
    this.groupItems = byName.members;
    const firsts = byName.members.map((m) => items[m[0]!]!);
    this.names = new Haystack(firsts.map((i) => [i.name, ...nameVariants(i.name)].join(' ').toLowerCase()));
    this.pinyin = new Haystack(firsts.map((i) => i.pinyin), true);
    this.initials = new Haystack(firsts.map((i) => i.initials));
    const byDept = groupBy(items, (i) => i.department);
    this.deptItems = byDept.members;
    this.depts = new Haystack(byDept.members.map((m) => `${items[m[0]!]!.department} ${items[m[0]!]!.deptPinyin}`.toLowerCase()));
    const pairs: Array<[string, number]> = [];
    items.forEach((i, n) => {
      pairs.push([i.code.toLowerCase(), n]);
      if (i.baseCode.toLowerCase() !== i.code.toLowerCase()) pairs.push([i.baseCode.toLowerCase(), n]);
    });
    this.codes = new SortedKeys(pairs);
    this.nameLengths = Uint16Array.from(items, (i) => Math.min(i.name.length, 65535));
  }

  get size(): number {
    return this.items.length;
  }

  search(rawQuery: string, limit: number): { hits: SearchHit[]; total: number } {
    const q = normaliseQuery(rawQuery);
    if (!q) return { hits: [], total: 0 };
    // Best score per name group / department group, and code hits per item.
    const groups = new Map<number, { score: number; field: number }>();
    const depts = new Map<number, number>();
    const best = new TopK(limit, this.nameLengths);
    let total = 0;
    const scoreOf = (base: number, offset: number, length: number) =>
      base + (offset === 0 && length === q.length ? 150 : offset === 0 ? 100 : -Math.min(offset, 50)) - length * 0.1;
    const onGroup = (field: number, base: number) => (g: number, offset: number, length: number) => {
      const score = scoreOf(base, offset, length);
      const seen = groups.get(g);
      if (!seen || seen.score < score) groups.set(g, { score, field });
    };
    const onDept = (base: number) => (d: number, offset: number, length: number) => {
      const score = scoreOf(base, offset, length);
      if ((depts.get(d) ?? -Infinity) < score) depts.set(d, score);
    };
    if (HAS_CJK.test(q)) {
      this.names.scan(q, onGroup(1, 700));
      this.depts.scan(q, onDept(300));
    } else {
      total += this.codes.prefix(q, limit, (item, exact) => best.offer(item, 900 + (exact ? 150 : 0) + this.usageBonus(this.items[item]!.code), 0));
      if (/^[a-z]+$/.test(q)) {
        this.initials.scan(q, onGroup(3, 650));
        this.pinyin.scan(q, onGroup(2, 600));
      }
      this.names.scan(q, onGroup(1, 500));
      this.depts.scan(q, onDept(250));
    }
    // Threshold walk: best groups first; stop once no remaining group can beat the K-th item.
    const ranked = [...groups.entries()].sort((a, b) => b[1].score - a[1].score);
    for (const [g, { score, field }] of ranked) {
      const members = this.groupItems[g]!;
      total += members.length;
      if (best.full && score + MAX_USAGE_BONUS <= best.threshold) continue;
      for (const item of members) best.offer(item, score + this.usageBonus(this.items[item]!.code), field);
    }
    const rankedDepts = [...depts.entries()].sort((a, b) => b[1] - a[1]);
    for (const [d, score] of rankedDepts) {
      const members = this.deptItems[d]!;
      if (best.full && score + MAX_USAGE_BONUS <= best.threshold) break;
      for (const item of members) best.offer(item, score + this.usageBonus(this.items[item]!.code), 4);
    }
    if (groups.size === 0) total += rankedDepts.reduce((n, [d]) => n + this.deptItems[d]!.length, 0);
    return { hits: best.result(), total };
  }
}

/** The best `limit` items, each at its best score (an item can match by code, name and department). */
class TopK {
  private readonly hits: SearchHit[] = [];
  constructor(
    private readonly limit: number,
    private readonly nameLengths: Uint16Array,
  ) {}

  get full(): boolean {
    return this.hits.length >= this.limit;
  }
  get threshold(): number {
    return this.hits[this.hits.length - 1]?.score ?? -Infinity;
  }

  offer(index: number, score: number, field: number): void {
    if (this.full && score <= this.threshold) return;
    const existing = this.hits.findIndex((h) => h.index === index);
    if (existing >= 0) {
      if (this.hits[existing]!.score >= score) return;
      this.hits.splice(existing, 1);
    }
    const before = (h: SearchHit) => h.score > score || (h.score === score && this.nameLengths[h.index]! <= this.nameLengths[index]!);
    let at = this.hits.length;
    while (at > 0 && !before(this.hits[at - 1]!)) at--;
    this.hits.splice(at, 0, { index, score, matchedOn: FIELDS[field]! });
    if (this.hits.length > this.limit) this.hits.pop();
  }

  result(): SearchHit[] {
    return this.hits;
  }
}

function groupBy(items: readonly IndexedItem[], key: (i: IndexedItem) => string): { members: Int32Array[] } {
  const map = new Map<string, number[]>();
  items.forEach((item, n) => {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(n);
    else map.set(k, [n]);
  });
  return { members: [...map.values()].map((l) => Int32Array.from(l)) };
}
