import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database';
import { servingTicketQuery } from './ticket-store';

let database: Database | null = null;
afterEach(async () => {
  await database?.close();
  database = null;
});

describe('queue ticket store', () => {
  it('finds the serving ticket through the partial index, not by scanning years of tickets', async () => {
    database = await openDatabase(fs.mkdtempSync(path.join(os.tmpdir(), 'yc-ticket-')));
    const q = servingTicketQuery(database.db).compile();
    const { rows } = await sql<{ detail: string }>`explain query plan ${sql.raw(q.sql)}`.execute(database.db);
    expect(rows.map((r) => r.detail).join(' ')).toMatch(/USING INDEX queue_ticket_one_serving/);
  });
});
