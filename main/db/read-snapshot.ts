import { sql, type Kysely } from 'kysely';
import type { DB } from './schema';

const snapshots = new WeakSet<Kysely<DB>>();

/**
 * Runs `fn` on one connection inside one read transaction, so every query sees the same snapshot
 * of the database (in WAL mode a deferred BEGIN pins it at the first read) while other processes
 * go on writing. Holds the connection for the whole of `fn`: on a shared connection nothing else
 * runs meanwhile, so long reads take a connection of their own (openForReading).
 */
export async function inReadSnapshot<T>(db: Kysely<DB>, fn: (snapshot: Kysely<DB>) => Promise<T>): Promise<T> {
  if (isConsistentRead(db)) return fn(db);
  return db.connection().execute(async (conn) => {
    await sql`begin deferred`.execute(conn);
    snapshots.add(conn);
    try {
      return await fn(conn);
    } finally {
      snapshots.delete(conn);
      // Nothing was written: ending the read is all that is left.
      await sql`rollback`.execute(conn);
    }
  });
}

/** A read snapshot or a transaction: every read on it already sees one state. */
export function isConsistentRead(db: Kysely<DB>): boolean {
  return db.isTransaction || snapshots.has(db);
}
