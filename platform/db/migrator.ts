import { sql, type Kysely, type Transaction } from 'kysely';

export interface Migration {
  /** 1, 2, 3… in order, never reused. */
  version: number;
  name: string;
  up(trx: Transaction<any>): Promise<void>;
}

/** Where a database keeps its schema version (SQLite: `PRAGMA user_version`; PostgreSQL: a table). */
export interface SchemaVersionStore {
  /** Creates whatever the version needs to live in; runs before anything is read. */
  prepare?(db: Kysely<any>): Promise<void>;
  read(db: Kysely<any> | Transaction<any>): Promise<number>;
  write(trx: Transaction<any>, version: number): Promise<void>;
  /** Taken first in each migration's transaction, so processes starting together apply it once. */
  lock?(trx: Transaction<any>): Promise<void>;
}

/** SQLite: the version is the file header's user_version; `begin immediate` is already the lock. */
export const sqliteUserVersion: SchemaVersionStore = {
  async read(db) {
    const { rows } = await sql<{ user_version: number }>`pragma user_version`.execute(db);
    return rows[0]?.user_version ?? 0;
  },
  async write(trx, version) {
    await sql.raw(`pragma user_version = ${Number(version)}`).execute(trx);
  },
};

export class NewerDatabaseError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `数据库由更新版本的一窗写入（结构版本 ${found}，本程序支持到 ${supported}）。请升级本程序，或联系运维人员；为保护数据，本程序不会打开它。`,
    );
    this.name = 'NewerDatabaseError';
  }
}

/**
 * Brings the schema to the newest version. Each migration runs in a transaction together with its
 * version bump, because kysely's migrator does not wrap SQLite migrations and a half-applied
 * migration would leave an unopenable database. The version is read again inside the transaction,
 * after the lock, so a second process starting at the same moment skips what the first applied.
 */
export async function migrate(
  db: Kysely<any>,
  migrations: readonly Migration[],
  versions: SchemaVersionStore = sqliteUserVersion,
): Promise<{ from: number; to: number }> {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version < 1 || (i > 0 && m.version === sorted[i - 1]!.version)) throw new Error(`migration list broken at ${m.version} ${m.name}`);
  });
  const latest = latestVersion(sorted);
  await versions.prepare?.(db);
  const from = await versions.read(db);
  if (from > latest) throw new NewerDatabaseError(from, latest);
  // A new database gets every migration in one transaction (one commit instead of one per
  // migration at first start; all or nothing); an existing one is upgraded a migration at a time.
  const steps = from === 0 ? [sorted] : sorted.filter((x) => x.version > from).map((m) => [m]);
  for (const step of steps) {
    await db.transaction().execute(async (trx) => {
      await versions.lock?.(trx);
      const now = await versions.read(trx);
      for (const m of step.filter((x) => x.version > now)) {
        await m.up(trx);
        await versions.write(trx, m.version);
      }
    });
  }
  return { from, to: latest };
}

/**
 * The newest version of a migration list. Numbers are unique and ascending; a gap is allowed because
 * parallel branches are given their numbers in advance (one branch may land 015 before 011–014),
 * so the newest number, not the count, is the schema version.
 */
export function latestVersion(list: readonly Migration[]): number {
  return list.reduce((max, m) => Math.max(max, m.version), 0);
}

export async function schemaVersion(db: Kysely<any>): Promise<number> {
  return sqliteUserVersion.read(db);
}
