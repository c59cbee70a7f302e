import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allMigrations, tempDir } from '../auth/testing';
import { openDatabase, type Database } from '../db/database';
import { expiredLocalCopies, expiredLocalCopiesQuery } from './blob-retention';

let database: Database;
let dir: string;
beforeEach(async () => {
  dir = tempDir('yc-blob-retention-');
  database = await openDatabase(dir, { migrations: allMigrations() });
});
afterEach(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('expired local copies', () => {
  it('reads only the copies still held (material_blob_held), not every file the years remember', async () => {
    const q = expiredLocalCopiesQuery(database.db, new Date().toISOString()).compile();
    const plan = await new Promise<Array<{ detail: string }>>((resolve, reject) =>
      database.raw.all(`explain query plan ${q.sql}`, q.parameters as unknown[], (err, rows) => (err ? reject(err) : resolve(rows as Array<{ detail: string }>))),
    );
    expect(plan.map((r) => r.detail).join(' | ')).toMatch(/SEARCH b USING INDEX material_blob_held \(upload_state=\?\)/);
    expect(await expiredLocalCopies(database.db, { days: 30 })).toEqual([]);
  });
});
