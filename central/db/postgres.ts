import { Kysely, PostgresAdapter, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { SchemaVersionStore } from '../../platform/db/migrator';
import type { CentralDB } from './schema';

/** Numbers of our own for transaction-scoped advisory locks: writers that must take turns across instances. */
export const ADVISORY_LOCKS = { migrations: 7_104_220_261_127, counters: 7_104_220_261_128 } as const;

/** On PostgreSQL, waits for the turn named (held until the transaction ends); SQLite has one writer anyway. */
export async function takeTurn(trx: Transaction<any>, lock: keyof typeof ADVISORY_LOCKS): Promise<void> {
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS[lock]})`.execute(trx);
}

/** The schema version in a one-row table; migrations run under a transaction-scoped advisory lock. */
const postgresVersions: SchemaVersionStore = {
  async prepare(db) {
    await db.transaction().execute(async (trx) => {
      await takeTurn(trx, 'migrations');
      await sql`create table if not exists schema_version (version integer not null)`.execute(trx);
      await sql`insert into schema_version (version) select 0 where not exists (select 1 from schema_version)`.execute(trx);
    });
  },
  async read(db) {
    const { rows } = await sql<{ version: number }>`select version from schema_version`.execute(db);
    return rows[0]?.version ?? 0;
  },
  async write(trx, version) {
    await sql`update schema_version set version = ${version}`.execute(trx);
  },
  lock: (trx) => takeTurn(trx, 'migrations'),
};

export class DatabaseUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    super(
      `无法连接中心数据库 ${redactUrl(url)}：${(cause as Error)?.message ?? String(cause)}。请确认 PostgreSQL 已启动、地址、用户名和密码正确，且该库已创建。`,
      { cause },
    );
    this.name = 'DatabaseUnreachableError';
  }
}

/** The URL without its password, for messages and logs. */
export const redactUrl = (url: string) => url.replace(/\/\/([^:@/]*):[^@]*@/, '//$1:***@');

/**
 * The production option: PostgreSQL through node-postgres. Request handling keeps no state, so any
 * number of instances can share the database behind a load balancer.
 */
export async function openPostgres(url: string): Promise<{ db: Kysely<CentralDB>; versions: SchemaVersionStore }> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.YICHUANG_CENTRAL_PG_POOL ?? 10), connectionTimeoutMillis: 10_000 });
  // An idle client losing its server (restart, failover) must not take the process down.
  pool.on('error', () => undefined);
  const db = new Kysely<CentralDB>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw new DatabaseUnreachableError(url, err);
  }
  return { db, versions: postgresVersions };
}

/** Whether a migration is running on PostgreSQL (for the few column types that differ). */
export function isPostgres(db: Kysely<any> | Transaction<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
