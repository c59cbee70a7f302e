import type sqlite3 from 'sqlite3';

/** How a statement is executed: `all` collects its rows, `run` reports changes and the last row id. */
export type Mode = 'all' | 'run';

export interface CachedStatement {
  mode: Mode;
  /** Set once prepared; until then wait for `ready`. */
  statement?: sqlite3.Statement;
  ready: Promise<sqlite3.Statement>;
}

const RETURNS_ROWS = /^\s*(select|with|pragma|explain|values)\b|\breturning\b/i;
const DONE_IN_ONE_STEP = /^\s*(insert|update|delete|replace|begin|commit|end|rollback|savepoint|release)\b/i;

/** `all` for anything that may return rows, `run` otherwise. */
function modeOf(sql: string, isSelect: boolean): Mode {
  return isSelect || RETURNS_ROWS.test(sql) ? 'all' : 'run';
}

/**
 * Prepared sqlite3 statements kept for reuse, keyed by SQL text (least recently used dropped past
 * `max`). Re-preparing the same SQL on every call costs a trip to the thread pool plus the parse and
 * plan; kysely emits the same text for the same query shape, so the hot paths (an accept's nine
 * statements) prepare once per process.
 *
 * Only statements that always run to completion in the call that executes them are kept: one left
 * mid-step would hold its read transaction open. `all` steps to the end; `run` steps once, which
 * finishes INSERT / UPDATE / DELETE without RETURNING and transaction control, and nothing else is
 * kept (schema changes, pragmas run for their effect: prepared each time, as before).
 */
export class StatementCache {
  private readonly entries = new Map<string, CachedStatement>();
  private closed = false;

  constructor(
    private readonly db: sqlite3.Database,
    private readonly max = 200,
  ) {}

  /** The cached statement for `sql`, prepared on first use; null if it must not be reused. */
  get(sql: string, isSelect: boolean): CachedStatement | null {
    const hit = this.entries.get(sql);
    if (hit) {
      // Most recently used last, so eviction takes the oldest.
      this.entries.delete(sql);
      this.entries.set(sql, hit);
      return hit;
    }
    const mode = modeOf(sql, isSelect);
    if (mode === 'run' && !DONE_IN_ONE_STEP.test(sql)) return null;
    if (this.closed) return { mode, ready: Promise.reject(new Error('database is closed')) };
    const entry: CachedStatement = {
      mode,
      ready: new Promise<sqlite3.Statement>((resolve, reject) => {
        const st: sqlite3.Statement = this.db.prepare(sql, (err) => (err ? reject(err) : resolve((entry.statement = st))));
      }),
    };
    // A statement that failed to prepare is not kept: the next call reports the error afresh.
    entry.ready.catch(() => this.entries.get(sql) === entry && this.entries.delete(sql));
    this.entries.set(sql, entry);
    if (this.entries.size > this.max) {
      const [oldestSql, oldest] = this.entries.entries().next().value!;
      this.entries.delete(oldestSql);
      // sqlite3 queues the finalize behind any call still running on that statement.
      void oldest.ready.then(finalize, () => undefined);
    }
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Finalizes every statement: sqlite3 refuses to close a database with live statements. */
  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(all.map((e) => e.ready.then(finalize, () => undefined)));
  }
}

function finalize(st: sqlite3.Statement): Promise<void> {
  return new Promise((resolve) => st.finalize(() => resolve()));
}
