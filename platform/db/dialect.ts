import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  SelectQueryNode,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import type sqlite3 from 'sqlite3';
import { StatementCache } from './dialect-statements';
import type { ConnectionRunner } from './direct-transactions';
import type { ScriptRunner } from './write-batch';

export interface Sqlite3DialectConfig {
  /** An opened sqlite3 database; the dialect does not own its pragmas. */
  database: sqlite3.Database;
  /** Called for each query slower than `slowQueryMs`. */
  onSlowQuery?: (sql: string, ms: number) => void;
  slowQueryMs?: number;
}

/**
 * Kysely has no dialect for the async `sqlite3` package. This one reuses kysely's SQLite adapter,
 * compiler and introspector, and runs every query on one connection, one at a time: SQLite has
 * one writer anyway, and a single connection makes transactions trivially correct.
 */
export class Sqlite3Dialect implements Dialect {
  private driver?: Sqlite3Driver;
  constructor(private readonly config: Sqlite3DialectConfig) {}
  createAdapter() {
    return new SqliteAdapter();
  }
  createDriver(): Driver {
    return (this.driver = new Sqlite3Driver(this.config));
  }
  /**
   * Runs a query on the one connection, for the transaction that holds it (DirectKysely: only
   * while that transaction's callback runs, when no other user can have the connection).
   */
  readonly runOnConnection: ConnectionRunner = (compiled) =>
    this.driver ? this.driver.connection.executeQuery(compiled) : Promise.reject(new Error('the sqlite3 dialect has no driver yet'));
  /** Runs a script of statements (no parameters) on the one connection, for a write batch that holds it (write-batch.ts). */
  readonly execOnConnection: ScriptRunner = (script) =>
    this.driver ? this.driver.connection.exec(script) : Promise.reject(new Error('the sqlite3 dialect has no driver yet'));
  createIntrospector(db: Kysely<any>) {
    return new SqliteIntrospector(db);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
}

// Transaction control, compiled once.
const BEGIN = CompiledQuery.raw('begin immediate');
const COMMIT = CompiledQuery.raw('commit');
const ROLLBACK = CompiledQuery.raw('rollback');

class Sqlite3Driver implements Driver {
  readonly connection: Sqlite3Connection;
  private queue: Promise<void> = Promise.resolve();

  constructor(config: Sqlite3DialectConfig) {
    this.connection = new Sqlite3Connection(config);
  }

  async init(): Promise<void> {}

  /** Serialises users of the single connection: the next caller waits for `release`. */
  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise<void>((r) => (release = r));
    await previous;
    this.connection.release = release;
    return this.connection;
  }

  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    // IMMEDIATE takes the write lock up front, so a transaction never fails half-way on SQLITE_BUSY.
    await conn.executeQuery(BEGIN);
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(COMMIT);
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(ROLLBACK);
  }
  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    (conn as Sqlite3Connection).release?.();
  }
  async destroy(): Promise<void> {
    await this.connection.statements.close();
    await new Promise<void>((resolve, reject) => this.connection.db.close((err) => (err ? reject(err) : resolve())));
  }
}

class Sqlite3Connection implements DatabaseConnection {
  release?: () => void;
  readonly db: sqlite3.Database;
  readonly statements: StatementCache;

  constructor(private readonly config: Sqlite3DialectConfig) {
    this.db = config.database;
    this.statements = new StatementCache(config.database);
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { sql } = compiled;
    const params = compiled.parameters as unknown[];
    const started = performance.now();
    try {
      const cached = this.statements.get(sql, SelectQueryNode.is(compiled.query));
      if (cached) {
        const st = cached.statement ?? (await cached.ready);
        if (cached.mode === 'all') return { rows: await new Promise<R[]>((resolve, reject) => st.all(params, rowsCallback(resolve, reject))) };
        return runResult(await new Promise<sqlite3.RunResult>((resolve, reject) => st.run(params, runCallback(resolve, reject))));
      }
      // Not reusable (schema changes, pragmas run for effect): prepared, run once and finalized.
      return runResult(await new Promise<sqlite3.RunResult>((resolve, reject) => this.db.run(sql, params, runCallback(resolve, reject))));
    } finally {
      const ms = performance.now() - started;
      if (ms > (this.config.slowQueryMs ?? 40)) this.config.onSlowQuery?.(sql, ms);
    }
  }

  /** Every statement of `script` in one call to the thread pool (`Database#exec`): no rows come back. */
  exec(script: string): Promise<void> {
    const started = performance.now();
    return new Promise<void>((resolve, reject) => this.db.exec(script, (err) => (err ? reject(err) : resolve()))).finally(() => {
      const ms = performance.now() - started;
      // Not the script: its literals are the rows' values.
      if (ms > (this.config.slowQueryMs ?? 40)) this.config.onSlowQuery?.('-- write batch', ms);
    });
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported by the sqlite3 dialect');
  }
}

function rowsCallback<R>(resolve: (rows: R[]) => void, reject: (e: Error) => void) {
  return (err: Error | null, rows: unknown[]) => (err ? reject(err) : resolve(rows as R[]));
}

function runCallback(resolve: (r: sqlite3.RunResult) => void, reject: (e: Error) => void) {
  return function (this: sqlite3.RunResult, err: Error | null) {
    if (err) reject(err);
    else resolve(this);
  };
}

function runResult(r: sqlite3.RunResult): QueryResult<never> {
  return { rows: [], numAffectedRows: BigInt(r.changes), insertId: BigInt(r.lastID) };
}
