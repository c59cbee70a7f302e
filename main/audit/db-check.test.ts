import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../auth/testing';
import { checkDatabase } from './db-check';
import { openDatabase } from '../db/database';
import { appendAudit } from './chain';

const BIN = path.resolve(import.meta.dirname, '../../bin/yichuang.mjs');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('yichuang db check verifies the audit chain', () => {
  it('passes an intact chain and fails (exit 1, plain message) once an entry is edited', async () => {
    const dir = tempDir('yc-dbcheck-');
    dirs.push(dir);
    const d = await openDatabase(dir);
    for (let i = 0; i < 3; i++) await appendAudit(d.db, { actor: 'zhangsan', action: 'auth.signIn' });
    expect((await checkDatabase(d)).audit).toMatchObject({ ok: true, entries: 3 });
    await d.db.updateTable('audit_log').set({ actor: 'mallory' }).where('seq', '=', 2).execute();
    const report = await checkDatabase(d);
    expect(report.ok).toBe(false);
    expect(report.audit.problems[0]).toMatchObject({ kind: 'edited', seq: 2 });
    await d.close();
    // One run of the real command (a CLI start costs seconds on a busy machine).
    const r = spawnSync(process.execPath, [BIN, 'db', 'check', '--data-dir', dir], { encoding: 'utf8', timeout: 90_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('审计记录 2 的内容与其哈希不符');
  }, 120_000);
});
