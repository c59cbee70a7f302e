import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { recordFailure, readLockout } from './lockout-store';
import { setupCodeFile } from './setup-code';
import { addStaff, tempDir } from './testing';

const BIN = path.resolve(import.meta.dirname, '../../bin/yichuang.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 90_000 });
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('yichuang staff', () => {
  it('setup-code prints the one-time code of an un-set-up window; release lifts a lockout (audited)', async () => {
    const dir = tempDir('yc-staffcli-');
    dirs.push(dir);
    const r = run('staff', 'setup-code', '--json', '--data-dir', dir);
    expect(r.status, r.stderr).toBe(0);
    const { setupCode } = JSON.parse(r.stdout) as { setupCode: string };
    expect(fs.readFileSync(setupCodeFile(dir), 'utf8')).toContain(setupCode);

    const d = await openDatabase(dir);
    await addStaff(d, 'zhangsan', 'password-1234');
    await recordFailure(d.db, 'zhangsan', new Date(), { freeAttempts: 0, firstHoldMs: 600_000, maxHoldMs: 600_000 });
    await d.close();
    const released = run('staff', 'release', 'zhangsan', '--data-dir', dir);
    expect(released.status, released.stderr).toBe(0);
    const e = await openDatabase(dir);
    expect((await readLockout(e.db, 'zhangsan')).failures).toBe(0);
    // Through the router as the CLI's local caller: audited as `cli`.
    expect(await e.db.selectFrom('audit_log').select(['action', 'actor']).execute()).toEqual([{ action: 'auth.release', actor: 'cli' }]);
    await e.close();
    const again = run('staff', 'release', 'zhangsan', '--data-dir', dir);
    expect([again.status, again.stderr.trim()]).toEqual([1, '账号 zhangsan 没有被暂停登录。']);
    const list = run('staff', 'list', '--json', '--data-dir', dir);
    expect(JSON.parse(list.stdout)).toEqual([{ staffId: 'zhangsan', name: expect.any(String), roles: expect.any(Array), active: true, source: expect.any(String), canSignIn: true, heldSeconds: 0 }]);
  }, 200_000);
});
