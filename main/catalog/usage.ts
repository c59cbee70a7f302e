import type { ExpressionBuilder, Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** The most `UsageStats.bonus` adds to a score: the search index relies on it to stop early. */
export const MAX_USAGE_BONUS = 40;

const WINDOW_DAYS = 90;

/** How often and how recently this window used each item: ranks search results and the empty-query list. */
export class UsageStats {
  private readonly stats = new Map<string, { count: number; lastUsedAt: string | null }>();

  /**
   * One range seek per catalog item on intake_case_item (item_code, created_at): the cost follows
   * the last 90 days' cases, not the years held (a GROUP BY over the index read all of them: 14 ms
   * at 250k cases, on the path to the first screen). Items no longer in the catalog are not ranked.
   */
  async load(db: Kysely<DB>, now = new Date()): Promise<void> {
    const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000).toISOString();
    const recent = (eb: ExpressionBuilder<DB & { i: DB['catalog_item'] }, 'i'>) =>
      eb.selectFrom('intake_case as c').whereRef('c.item_code', '=', 'i.code').where('c.created_at', '>=', since);
    const rows = await db
      .selectFrom('catalog_item as i')
      .select((eb) => [
        'i.code as item_code',
        recent(eb).select((e) => e.fn.countAll<number>().as('n')).as('n'),
        recent(eb).select((e) => e.fn.max('c.created_at').as('last')).as('last'),
      ])
      .execute();
    this.stats.clear();
    for (const r of rows) if (Number(r.n) > 0) this.stats.set(r.item_code, { count: Number(r.n), lastUsedAt: r.last ?? null });
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
