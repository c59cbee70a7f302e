import { sql, type Kysely, type Transaction } from 'kysely';

export interface Migration {
  /** 1, 2, 3… in order, never reused. */
  version: number;
  name: string;
  up(trx: Transaction<any>): Promise<void>;
}

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
 * Brings the schema to the newest version. The version lives in `PRAGMA user_version`; each
 * migration runs in its own transaction together with the version bump, because kysely's migrator
 * does not wrap SQLite migrations and a half-applied migration would leave an unopenable file.
 */
export async function migrate(db: Kysely<any>, migrations: readonly Migration[]): Promise<{ from: number; to: number }> {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration list broken at ${m.version} ${m.name}`);
  });
  const latest = sorted.length;
  const from = await schemaVersion(db);
  if (from > latest) throw new NewerDatabaseError(from, latest);
  for (const m of sorted.slice(from)) {
    await db.transaction().execute(async (trx) => {
      await m.up(trx);
      await sql.raw(`pragma user_version = ${m.version}`).execute(trx);
    });
  }
  return { from, to: latest };
}

export async function schemaVersion(db: Kysely<any>): Promise<number> {
  const { rows } = await sql<{ user_version: number }>`pragma user_version`.execute(db);
  return rows[0]?.user_version ?? 0;
}
