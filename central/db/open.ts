import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { migrate, type SchemaVersionStore } from '../../platform/db/migrator';
import { centralMigrations } from './migrations';
import { openPostgres, redactUrl } from './postgres';
import type { CentralDB } from './schema';
import { openSqlite } from './sqlite';

export { CENTRAL_DB_FILE } from './sqlite';
export { DatabaseUnreachableError } from './postgres';

export type CentralBackend = 'sqlite' | 'postgres';

export interface CentralStore {
  db: Kysely<CentralDB>;
  backend: CentralBackend;
  generation: string;
  close(): Promise<void>;
}

export class UnsupportedDatabaseError extends Error {
  constructor(url: string) {
    super(`无法识别的数据库地址（${redactUrl(url)}）：请使用 postgres://用户:密码@主机:端口/库名，或去掉 --database-url 使用内置 SQLite（--data-dir）。`);
    this.name = 'UnsupportedDatabaseError';
  }
}


/**
 * Opens the central database — SQLite in `dataDir` by default, PostgreSQL when a `postgres://` URL
 * is given — brings its schema up to date and reads its generation. Several instances may open one
 * PostgreSQL database at once: migrations take an advisory lock and skip what another applied.
 */
export async function openCentralStore(opts: { dataDir: string; databaseUrl?: string }): Promise<CentralStore> {
  const url = opts.databaseUrl?.trim();
  if (url && !/^postgres(ql)?:\/\//i.test(url)) throw new UnsupportedDatabaseError(url);
  const opened: { db: Kysely<CentralDB>; versions: SchemaVersionStore } = url ? await openPostgres(url) : await openSqlite(opts.dataDir);
  const { db } = opened;
  try {
    await migrate(db, centralMigrations, opened.versions);
    const row = await db.selectFrom('meta').select('value').where('key', '=', 'generation').executeTakeFirstOrThrow();
    return { db, backend: url ? 'postgres' : 'sqlite', generation: row.value, close: () => db.destroy() };
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw err;
  }
}

/** A new generation id, after a restore: windows then re-offer everything they still hold. */
export async function renewGeneration(db: Kysely<CentralDB>): Promise<string> {
  const value = crypto.randomUUID();
  await db.updateTable('meta').set({ value }).where('key', '=', 'generation').execute();
  return value;
}
