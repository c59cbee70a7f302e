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
  constructor(private readonly config: Sqlite3DialectConfig) {}
  createAdapter() {
    return new SqliteAdapter();
  }
  createDriver(): Driver {
    return new Sqlite3Driver(this.config);
  }
  createIntrospector(db: Kysely<any>) {
    return new SqliteIntrospector(db);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
}

class Sqlite3Driver implements Driver {
  private readonly connection: Sqlite3Connection;
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
    await conn.executeQuery(CompiledQuery.raw('begin immediate'));
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    (conn as Sqlite3Connection).release?.();
  }
  async destroy(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.connection.db.close((err) => (err ? reject(err) : resolve())));
  }
}

const RETURNS_ROWS = /^\s*(select|with|pragma|explain|values)\b|\breturning\b/i;

class Sqlite3Connection implements DatabaseConnection {
  release?: () => void;
  readonly db: sqlite3.Database;

  constructor(private readonly config: Sqlite3DialectConfig) {
    this.db = config.database;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters } = compiled;
    const started = performance.now();
    try {
      if (SelectQueryNode.is(compiled.query) || RETURNS_ROWS.test(sql)) {
        const rows = await new Promise<R[]>((resolve, reject) =>
          this.db.all(sql, parameters as unknown[], (err, r) => (err ? reject(err) : resolve(r as R[]))),
        );
        return { rows };
      }
      const { changes, lastID } = await new Promise<{ changes: number; lastID: number }>((resolve, reject) =>
        this.db.run(sql, parameters as unknown[], function (this: sqlite3.RunResult, err) {
          if (err) reject(err);
          else resolve({ changes: this.changes, lastID: this.lastID });
        }),
      );
      return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastID) };
    } finally {
      const ms = performance.now() - started;
      if (ms > (this.config.slowQueryMs ?? 40)) this.config.onSlowQuery?.(sql, ms);
    }
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported by the sqlite3 dialect');
  }
}
