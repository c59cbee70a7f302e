import fs from 'node:fs';
import { sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { databaseFile, kyselyOver, openDatabase, openRaw, type Database } from './database';
import { latestVersion, NewerDatabaseError, schemaVersion } from '../../platform/db/migrator';
import { migrations } from './migrations';

/**
 * For commands that only read (`db check`, `cases list`, `sync status`…): a read-only connection
 * that takes no writer lock, so they keep working while the app or a writing command runs (WAL
 * lets readers and the writer go on together). Where there is no database yet, or one of an older
 * schema, it opens normally (creating or migrating it; that needs the writer lock).
 * `anySchema` reads a database of any version as it is (`db check` reports the version).
 */
export async function openForReading(fileOrDir: string, opts: { anySchema?: boolean } = {}): Promise<Database> {
  const file = databaseFile(fileOrDir);
  if (!fs.existsSync(file)) return openDatabase(fileOrDir);
  const raw = await openRaw(file, sqlite3.OPEN_READONLY);
  const db = kyselyOver(raw);
  try {
    await sql`pragma busy_timeout = 5000`.execute(db);
    const version = await schemaVersion(db);
    const latest = latestVersion(migrations);
    if (!opts.anySchema && version > latest) throw new NewerDatabaseError(version, latest);
    if (!opts.anySchema && version < latest) {
      await db.destroy();
      return openDatabase(fileOrDir);
    }
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw err;
  }
  // A reader does not check the file at start (`db check` runs the full check itself).
  return { db, raw, file, startCheck: () => ({ mode: 'at-open', state: 'skipped', detail: null, sizeBytes: 0, ms: null }), close: () => db.destroy() };
}
