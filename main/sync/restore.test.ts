import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { CentralProcess, runCli } from '../../central/testing/central-process';
import type { Database } from '../db/database';
import { SyncEngine } from './engine';
import { readSyncStatus } from './status';
import { expectExactlyOnce } from './testing/exactly-once';
import { enrolledWindow, queueCases, tempDir } from './testing/window-fixture';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 90_000 });
const FAST = { baseMs: 30, maxMs: 300 };

describe('restoring the central from a backup (the operator procedure)', () => {
  const dir = tempDir('central-restore');
  const central = new CentralProcess(dir);
  const open: Database[] = [];
  afterAll(async () => {
    await central.kill('SIGTERM');
    for (const d of open) await d.close();
  });

  test('a restored older backup gets a new generation, and windows re-offer what it lacks', async () => {
    await central.start();
    const w = await enrolledWindow(central.url, await central.enrolmentCode('H01', 'W01'));
    open.push(w.database);
    const engine = new SyncEngine({ db: w.database.db, backoff: FAST, batch: { maxItems: 25 } });
    const before = await queueCases(w.database, 20, { ratings: true });
    expect((await engine.runUntilEmpty()).ok).toBe(true);

    const backup = path.join(tempDir('central-backup'), 'central-backup.db');
    const made = await runCli(['central', 'backup', '--to', backup, '--data-dir', dir]);
    expect(made.code === 0 ? 0 : made.stderr).toBe(0);
    const after = await queueCases(w.database, 15, { ratings: true });
    expect((await engine.runUntilEmpty()).ok).toBe(true);
    const genBefore = (await readSyncStatus(w.database.db)).generation;

    // While the server runs, the restore is refused and nothing changes.
    const refused = await runCli(['central', 'restore', '--from', backup, '--data-dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/正在运行/);

    await central.kill('SIGKILL');
    const restored = await runCli(['central', 'restore', '--from', backup, '--data-dir', dir]);
    expect(restored.code === 0 ? 0 : restored.stderr).toBe(0);
    expect(fs.readdirSync(dir).some((f) => f.startsWith('central.db.before-restore-'))).toBe(true);
    const stats = JSON.parse((await runCli(['central', 'stats', '--json', '--data-dir', dir])).stdout);
    expect(stats.cases).toBe(20); // the backup lacks the later 15

    await central.start();
    expect((await engine.runUntilEmpty()).ok).toBe(true);
    expect((await readSyncStatus(w.database.db)).generation).not.toBe(genBefore);
    await expectExactlyOnce(central, w.database, [...before, ...after]);
    expect((await central.admin('/v1/admin/stats')).ratings).toBe(35);
  });

  test('refuses a damaged backup with a plain message and leaves the live database alone', async () => {
    const bad = path.join(tempDir('central-bad-backup'), 'bad.db');
    fs.writeFileSync(bad, 'SQLite format 3\u0000' + 'x'.repeat(5000));
    await central.kill('SIGTERM');
    const live = fs.statSync(path.join(dir, 'central.db')).size;
    const r = await runCli(['central', 'restore', '--from', bad, '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/备份文件/);
    expect(fs.statSync(path.join(dir, 'central.db')).size).toBe(live);
  });
});
