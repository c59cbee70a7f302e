import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, expect } from 'vitest';
import { openDatabase, type Database } from '../database';
import { latestVersion, schemaVersion } from '../../../platform/db/migrator';
import { migrations } from './index';

/**
 * For upgrade tests: one data folder per test, opened at a chosen schema version and reopened at a
 * later one; the last handle is closed and the folder removed after each test.
 */
export function upgradeFolder(prefix: string) {
  let d: Database | null = null;
  let dir = '';
  afterEach(async () => {
    await d?.close();
    d = null;
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = '';
  });
  return {
    /** Opens the folder with the migrations up to `version` (every one without it), closing the previous handle. */
    async open(version?: number): Promise<Database> {
      await d?.close();
      d = null;
      dir ||= fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      d = await openDatabase(dir, version === undefined ? {} : { migrations: migrations.filter((m) => m.version <= version) });
      return d;
    },
  };
}

/** An accepted case as a window from version 9 on wrote it (the columns every later version keeps): id `c1`. */
export async function insertAcceptedCase(db: Kysely<any>): Promise<void> {
  await sql`insert into intake_case (id, case_number, status, item_code, item_name, promised_limit_value, promised_limit_unit, hall_code, window_code,
    clerk_id, clerk_name, created_at, updated_at, catalog_version) values ('c1', 'HK01-W03-20261201-0001', 'accepted', 'X1', '事项', 3, 'workday',
    'HK01', 'W03', 'clerk01', '王小明', '2026-12-01T01:00:00Z', '2026-12-01T01:00:00Z', 1)`.execute(db);
}

/** The common first step of an upgrade test: a version-`from` database holding insertAcceptedCase's case, upgraded to the newest version with the case kept. */
export async function upgradedWithAcceptedCase(folder: ReturnType<typeof upgradeFolder>, from: number): Promise<Database> {
  const old = await folder.open(from);
  expect(await schemaVersion(old.db)).toBe(from);
  await insertAcceptedCase(old.db);
  const d = await folder.open();
  expect(await schemaVersion(d.db)).toBe(latestVersion(migrations));
  expect(await d.db.selectFrom('intake_case').select(['case_number', 'clerk_name']).executeTakeFirstOrThrow()).toEqual({ case_number: 'HK01-W03-20261201-0001', clerk_name: '王小明' });
  return d;
}
