import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../database';
import { NewerDatabaseError, schemaVersion, latestVersion, type Migration } from '../../../platform/db/migrator';
import { migrations } from './index';

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

async function tables(d: Database): Promise<string[]> {
  return (await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(d.db)).rows.map((r) => r.name);
}

const item = {
  code: 'C1', base_code: 'B1', name: '出生登记', item_type: '07', served_parties: '["1"]', department: '公安局', handling_departments: '[]',
  legal_limit_value: 30, legal_limit_unit: 'day', promised_limit_value: 0, promised_limit_unit: 'immediate', fee: '不收费', conditions: null,
  search_pinyin: 'chu sheng deng ji', search_initials: 'csdj', search_dept_pinyin: 'gonganju gaj', version: 1, updated_at: '2026-01-01T00:00:00Z',
};

describe('migrations 002 (catalog) and 003 (intake)', () => {
  it('run up from an empty file', async () => {
    const d = await openDatabase(tempDir());
    opened.push(d);
    expect(await tables(d)).toEqual(expect.arrayContaining(['catalog_item', 'catalog_material', 'catalog_bundle', 'catalog_release', 'calendar_override', 'intake_case', 'case_material', 'case_history', 'case_sequence', 'rating', 'rectification']));
    expect(await schemaVersion(d.db)).toBe(latestVersion(migrations));
  });

  it('002 runs on a version-1 database and keeps its rows', async () => {
    const dir = tempDir();
    const v1 = await openDatabase(dir, { migrations: migrations.slice(0, 1) });
    await v1.db.insertInto('meta').values({ key: 'k', value: 'v' }).execute();
    await v1.close();
    const d = await openDatabase(dir);
    opened.push(d);
    expect(await d.db.selectFrom('meta').select('value').where('key', '=', 'k').executeTakeFirst()).toEqual({ value: 'v' });
    await d.db.insertInto('catalog_item').values(item).execute();
    // Materials belong to their item: deleting the item removes them.
    await d.db.insertInto('catalog_material').values({ item_code: 'C1', code: 'M1', key: 'ID', name: '身份证', issuer: null, originals: 1, copies: 1, required: 1, deferral_allowed: 0, licence_type_code: null, licence_type_name: null, form_ref: null, sample_ref: null, note: null, sort: 0 }).execute();
    await d.db.deleteFrom('catalog_item').execute();
    expect(await d.db.selectFrom('catalog_material').selectAll().execute()).toEqual([]);
  });

  it('003 runs on a version-2 database with a catalog, and its constraints hold', async () => {
    const dir = tempDir();
    const v2 = await openDatabase(dir, { migrations: migrations.slice(0, 2) });
    await v2.db.insertInto('catalog_item').values(item).execute();
    expect(await schemaVersion(v2.db)).toBe(2);
    await v2.close();
    const d = await openDatabase(dir);
    opened.push(d);
    expect(await d.db.selectFrom('catalog_item').select('name').execute()).toEqual([{ name: '出生登记' }]);
    const base = { id: 'a', status: 'accepted', item_code: 'C1', item_name: '出生登记', promised_limit_value: 0, promised_limit_unit: 'immediate', hall_code: 'H', window_code: 'W', clerk_id: 'c', clerk_name: 'c', created_at: 'x', updated_at: 'x', catalog_version: 1 };
    // A decided case always carries a case number; case numbers are unique.
    await expect(sql`insert into intake_case (id, status, item_code, item_name, promised_limit_value, promised_limit_unit, hall_code, window_code, clerk_id, clerk_name, created_at, updated_at, catalog_version) values (${base.id}, ${base.status}, 'C1', 'n', 0, 'immediate', 'H', 'W', 'c', 'c', 'x', 'x', 1)`.execute(d.db)).rejects.toThrow(/CHECK/);
    await sql`insert into intake_case (id, case_number, status, item_code, item_name, promised_limit_value, promised_limit_unit, hall_code, window_code, clerk_id, clerk_name, created_at, updated_at, catalog_version) values ('a', 'H-W-20260101-0001', 'accepted', 'C1', 'n', 0, 'immediate', 'H', 'W', 'c', 'c', 'x', 'x', 1)`.execute(d.db);
    await expect(sql`insert into intake_case (id, case_number, status, item_code, item_name, promised_limit_value, promised_limit_unit, hall_code, window_code, clerk_id, clerk_name, created_at, updated_at, catalog_version) values ('b', 'H-W-20260101-0001', 'accepted', 'C1', 'n', 0, 'immediate', 'H', 'W', 'c', 'c', 'x', 'x', 1)`.execute(d.db)).rejects.toThrow(/UNIQUE/);
    await expect(sql`insert into rating (id, case_id, level, channel, at, clerk_id) values ('r', 'a', 6, 'qr', 'x', 'c')`.execute(d.db)).rejects.toThrow(/CHECK/);
    await expect(sql`insert into rating (id, case_id, level, channel, at, clerk_id) values ('r', 'nope', 1, 'qr', 'x', 'c')`.execute(d.db)).rejects.toThrow(/FOREIGN KEY/);
  });

  it('a newer database is refused and left as it was', async () => {
    const dir = tempDir();
    const d = await openDatabase(dir);
    await sql.raw(`pragma user_version = ${latestVersion(migrations) + 1}`).execute(d.db);
    await d.close();
    const before = fs.readFileSync(path.join(dir, 'yichuang.db'));
    await expect(openDatabase(dir)).rejects.toBeInstanceOf(NewerDatabaseError);
    expect(fs.readFileSync(path.join(dir, 'yichuang.db')).equals(before)).toBe(true);
  });
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

describe('migrations of a new database and of an existing one', () => {
  it('a new database gets every migration or none: a failure in the last leaves it empty at version 0', async () => {
    const dir = tempDir();
    await expect(openDatabase(dir, { migrations: withBroken })).rejects.toThrow('fails half-way');
    // Opened with no migrations to run: what the failed first start left behind.
    const d = await openDatabase(dir, { migrations: [] });
    opened.push(d);
    expect(await schemaVersion(d.db)).toBe(0);
    expect((await tables(d)).filter((t) => !t.startsWith('sqlite_'))).toEqual([]);
  });

  it('an existing database is upgraded a migration at a time: a failing one keeps the ones before it', async () => {
    const dir = tempDir();
    const first = await openDatabase(dir, { migrations: migrations.filter((m) => m.version <= 2) });
    await first.close();
    await expect(openDatabase(dir, { migrations: withBroken })).rejects.toThrow('fails half-way');
    // Opened with the shipped migrations: all applied already, nothing runs.
    const d = await openDatabase(dir);
    opened.push(d);
    expect(await schemaVersion(d.db)).toBe(latestVersion(migrations));
    expect(await tables(d)).not.toContain('half');
  });
});
