import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openDatabase, type Database } from '../database';
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
