import fs from 'node:fs';
import path from 'node:path';
import { Kysely, sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { Sqlite3Dialect } from '../../main/db/dialect';
import { migrate } from '../../main/db/migrator';
import { centralMigrations } from './migrations';
import type { CentralDB } from './schema';

export const CENTRAL_DB_FILE = 'central.db';

export interface CentralStore {
  db: Kysely<CentralDB>;
  generation: string;
  close(): Promise<void>;
}

export class UnsupportedDatabaseError extends Error {
  constructor(url: string) {
    super(
      `暂不支持该数据库地址（${url.replace(/\/\/[^@]*@/, '//***@')}）：参考中心平台目前只内置 SQLite。请去掉 --database-url，改用 --data-dir。`,
    );
    this.name = 'UnsupportedDatabaseError';
  }
}

/**
 * Opens the central database (SQLite in `dataDir`), migrates it and reads its generation.
 * PostgreSQL (`--database-url postgres://…`) is the production option the schema is written for,
 * but no driver ships yet, so it is refused with a clear message instead of half-working.
 */
export async function openCentralStore(opts: { dataDir: string; databaseUrl?: string }): Promise<CentralStore> {
  if (opts.databaseUrl) throw new UnsupportedDatabaseError(opts.databaseUrl);
  fs.mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(opts.dataDir, CENTRAL_DB_FILE);
  const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
    const d = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(d)));
  });
  const db = new Kysely<CentralDB>({ dialect: new Sqlite3Dialect({ database: raw }) });
  try {
    await sql`pragma journal_mode = wal`.execute(db);
    // An `accepted` answer is a promise to the window, which then forgets the item: it must be on disk.
    await sql`pragma synchronous = full`.execute(db);
    await sql`pragma busy_timeout = 10000`.execute(db);
    await migrate(db, centralMigrations);
    const row = await db.selectFrom('meta').select('value').where('key', '=', 'generation').executeTakeFirstOrThrow();
    return { db, generation: row.value, close: () => db.destroy() };
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw err;
  }
}
