import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { openDatabase, type Database } from '../../db/database';
import { enqueueOutbox } from '../../db/outbox';
import { enrol } from '../enrolment';
import { acceptedEntry, ratingEntry } from './sample-entries';

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `yc-${prefix}-`));
}

/**
 * Queues `count` cases, each followed by its rating, the way intake writes them: one transaction
 * per case. Returns the case ids.
 */
export async function queueCases(database: Database, count: number, opts: { ratings?: boolean; perTransaction?: number } = {}): Promise<string[]> {
  const ids: string[] = [];
  const per = opts.perTransaction ?? 500;
  for (let i = 0; i < count; i += per) {
    await database.db.transaction().execute(async (trx) => {
      for (let j = i; j < Math.min(count, i + per); j++) {
        const id = uuidv7();
        ids.push(id);
        await enqueueOutbox(trx, acceptedEntry(id, `T${String(j).padStart(6, '0')}`));
        if (opts.ratings) await enqueueOutbox(trx, ratingEntry(id, 1 + (j % 5)));
      }
    });
  }
  return ids;
}

/** A window data folder with a database, enrolled to `centralUrl` with a fresh code. */
export async function enrolledWindow(centralUrl: string, code: string, prefix = 'win'): Promise<{ dir: string; database: Database }> {
  const dir = tempDir(prefix);
  const database = await openDatabase(dir);
  await enrol(database.db, centralUrl, code);
  return { dir, database };
}
