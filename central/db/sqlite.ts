import fs from 'node:fs';
import path from 'node:path';
import { Kysely, sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { Sqlite3Dialect } from '../../platform/db/dialect';
import { sqliteUserVersion, type SchemaVersionStore } from '../../platform/db/migrator';
import type { CentralDB } from './schema';

export const CENTRAL_DB_FILE = 'central.db';

/** The embedded default: one SQLite file in the data folder, WAL and synchronous=FULL. */
export async function openSqlite(dataDir: string): Promise<{ db: Kysely<CentralDB>; versions: SchemaVersionStore }> {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, CENTRAL_DB_FILE);
  const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
    const d = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(d)));
  });
  const db = new Kysely<CentralDB>({ dialect: new Sqlite3Dialect({ database: raw }) });
  try {
    await sql`pragma journal_mode = wal`.execute(db);
    // An `accepted` answer is a promise to the window, which then forgets the item: it must be on disk.
    await sql`pragma synchronous = full`.execute(db);
    await sql`pragma busy_timeout = 10000`.execute(db);
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw err;
  }
  return { db, versions: sqliteUserVersion };
}
