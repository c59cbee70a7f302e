import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** The most `UsageStats.bonus` adds to a score: the search index relies on it to stop early. */
export const MAX_USAGE_BONUS = 40;

const WINDOW_DAYS = 90;

/** How often and how recently this window used each item: ranks search results and the empty-query list. */
export class UsageStats {
  private readonly stats = new Map<string, { count: number; lastUsedAt: string | null }>();

  async load(db: Kysely<DB>, now = new Date()): Promise<void> {
    const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000).toISOString();
    const rows = await db
      .selectFrom('intake_case')
      .select(['item_code', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('created_at').as('last')])
      .where('created_at', '>=', since)
      .groupBy('item_code')
      .execute();
    this.stats.clear();
    for (const r of rows) this.stats.set(r.item_code, { count: Number(r.n), lastUsedAt: r.last ?? null });
  }

  record(code: string, at: string): void {
    const s = this.stats.get(code) ?? { count: 0, lastUsedAt: null };
    this.stats.set(code, { count: s.count + 1, lastUsedAt: at });
  }

  of(code: string): { count: number; lastUsedAt: string | null } {
    return this.stats.get(code) ?? { count: 0, lastUsedAt: null };
  }

  /** A bounded nudge: enough to reorder within a match tier, never to lift a weak match above a strong one. */
  bonus(code: string): number {
    const s = this.stats.get(code);
    return s ? Math.min(MAX_USAGE_BONUS, 8 * Math.log2(1 + s.count)) : 0;
  }

  /** Most used first, then most recent. */
  top(n: number): string[] {
    return [...this.stats.entries()]
      .sort((a, b) => b[1].count - a[1].count || (b[1].lastUsedAt ?? '').localeCompare(a[1].lastUsedAt ?? ''))
      .slice(0, n)
      .map(([code]) => code);
  }
}
