import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDatabase } from '../audit/db-check';
import { openDatabase } from '../db/database';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-crash-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * Runs `yichuang cases create-demo` (the real CLI, the real intake service) and SIGKILLs it after
 * it has acknowledged `killAfter` cases plus a random delay, or during start-up when `killAfter`
 * is 0 (as soon as the database file exists). Resolves with the case numbers it printed, i.e. acknowledged as committed.
 */
function runAndKill(seed: number, killAfter: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'yichuang.mjs'), '--data-dir', dir, 'cases', 'create-demo', '--count', '100000', '--seed', String(seed)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, YICHUANG_LOG_LEVEL: 'silent' },
    });
    const acked: string[] = [];
    let buffer = '';
    let stderr = '';
    let killing = false;
    const kill = () => {
      if (!killing) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 25));
      }
    };
    if (killAfter === 0) {
      // As soon as the database file appears: mid-migration or mid-seeding.
      const poll = setInterval(() => {
        if (fs.existsSync(path.join(dir, 'yichuang.db'))) {
          clearInterval(poll);
          setTimeout(kill, Math.floor(Math.random() * 150));
        }
      }, 5);
      child.on('exit', () => clearInterval(poll));
    }
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const l of lines) if (l.trim()) acked.push(l.trim());
      if (killAfter > 0 && acked.length >= killAfter) kill();
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended by itself (code ${code}): ${stderr.slice(0, 500)}`));
      else resolve(acked);
    });
  });
}

describe('crash safety', () => {
  it('every case acknowledged before a SIGKILL is there afterwards, and the database checks clean', { timeout: 120_000 }, async () => {
    const acknowledged: string[] = [];
    // The first run is killed during start-up (migrations, seeding); the others mid-intake.
    const plan = [0, 2 + Math.floor(Math.random() * 10), 1 + Math.floor(Math.random() * 15)];
    for (const [i, killAfter] of plan.entries()) acknowledged.push(...(await runAndKill(1000 + i, killAfter)));
    expect(acknowledged.length).toBeGreaterThan(2);

    const database = await openDatabase(dir); // runs quick_check and refuses a corrupt file
    try {
      const report = await checkDatabase(database);
      expect(report).toMatchObject({ ok: true, integrity: ['ok'], foreignKeyViolations: 0, duplicateCaseNumbers: 0 });
      const rows = await database.db.selectFrom('intake_case').select(['id', 'case_number']).execute();
      const stored = new Map(rows.map((r) => [r.case_number, r.id]));
      const missing = acknowledged.filter((n) => !stored.has(n));
      expect(missing).toEqual([]);
      // Each stored case carries its outbox row and audit entry: they committed together.
      const withOutbox = new Set((await database.db.selectFrom('outbox').select('aggregate_id').where('kind', 'like', 'case.%').execute()).map((o) => o.aggregate_id));
      const audited = new Set((await database.db.selectFrom('audit_log').select('subject').where('action', 'like', 'case.%').execute()).map((a) => a.subject));
      for (const id of stored.values()) {
        expect(withOutbox.has(id)).toBe(true);
        expect(audited.has(id)).toBe(true);
      }
    } finally {
      await database.close();
    }
  });
});
