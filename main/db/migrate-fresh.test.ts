import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database';
import { latestVersion, type Migration } from '../../platform/db/migrator';
import { migrations } from './migrations';

const dirs: string[] = [];
const opened: Database[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-mig-'));
  dirs.push(d);
  return d;
}
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close().catch(() => undefined);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** The shipped migrations and one more after them that creates a table and then fails. */
const withBroken: Migration[] = [
  ...migrations,
  {
    version: latestVersion(migrations) + 1,
    name: 'broken',
    async up(trx) {
      await trx.schema.createTable('half').addColumn('x', 'text').execute();
      throw new Error('fails half-way');
    },
  },
];

async function tableNames(d: Database): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(d.db);
  return rows.map((r) => r.name);
}

async function userVersion(d: Database): Promise<number> {
  const { rows } = await sql<{ user_version: number }>`pragma user_version`.execute(d.db);
  return rows[0]!.user_version;
}

describe('migrations of a new database and of an existing one', () => {
  it('a new database gets every migration or none: a failure in the last leaves it empty at version 0', async () => {
    const dir = tempDir();
    await expect(openDatabase(dir, { migrations: withBroken })).rejects.toThrow('fails half-way');
    // Opened with no migrations to run: what the failed first start left behind.
    const d = await openDatabase(dir, { migrations: [] });
    opened.push(d);
    expect(await userVersion(d)).toBe(0);
    expect(await tableNames(d)).toEqual([]);
  });

  it('an existing database is upgraded a migration at a time: a failing one keeps the ones before it', async () => {
    const dir = tempDir();
    const first = await openDatabase(dir, { migrations: migrations.filter((m) => m.version <= 2) });
    await first.close();
    await expect(openDatabase(dir, { migrations: withBroken })).rejects.toThrow('fails half-way');
    // Opened with the shipped migrations: all applied already, nothing runs.
    const d = await openDatabase(dir);
    opened.push(d);
    expect(await userVersion(d)).toBe(latestVersion(migrations));
    expect(await tableNames(d)).not.toContain('half');
  });
});
