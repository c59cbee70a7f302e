import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../auth/testing';
import { EXIT_BUSY } from './util';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'yichuang.mjs');
const dir = tempDir('yc-writer-lock-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--data-dir', dir], { encoding: 'utf8', timeout: 120_000 });

describe('one writer per data folder', () => {
  it('refuses a writing command while the app runs, serves read-only ones, and frees the folder when the app is killed', { timeout: 300_000 }, async () => {
    expect(cli('cases', 'create-demo', '--count', '3', '--seed', '5').status).toBe(0);
    const host = spawn(process.execPath, [BIN, 'host', '--port', '0', '--exit-with-parent', '--in-process-devices', '--data-dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        host.stdout.on('data', (d) => ((out += String(d)), out.includes('http://') && resolve()));
        host.once('exit', (code) => reject(new Error(`host exited (${code})`)));
      });
      // Writers: refused with the holder named, a distinct exit code, nothing written.
      for (const args of [['sync', 'retry-parked'], ['cases', 'create-demo', '--count', '1']]) {
        const r = cli(...args);
        expect(r.status, r.stderr).toBe(EXIT_BUSY);
        expect(r.stderr).toContain(`一窗正在使用此数据文件夹（进程 ${host.pid}：yichuang host`);
        expect(r.stderr).toContain('只读命令');
        expect(r.stdout).toBe('');
      }
      // Readers keep working beside the running app.
      const check = cli('db', 'check', '--json');
      expect(check.status, check.stderr).toBe(0);
      expect(JSON.parse(check.stdout)).toMatchObject({ ok: true, counts: { intake_case: 3 }, duplicateCaseNumbers: 0 });
      const list = cli('cases', 'list', '--json');
      expect(list.status, list.stderr).toBe(0);
      expect(list.stdout.trim().split('\n')).toHaveLength(3);
      const status = cli('sync', 'status', '--json');
      expect(status.status, status.stderr).toBe(0);
      expect(JSON.parse(status.stdout).pending).toBeGreaterThanOrEqual(3);
      const backup = cli('db', 'backup', '--to', path.join(dir, 'copy.db'), '--json');
      expect(backup.status, backup.stderr).toBe(0);
      expect(JSON.parse(backup.stdout).bytes).toBeGreaterThan(0);
    } finally {
      // Killed, not closed: the OS drops the lock with the process; no stale lock remains.
      host.kill('SIGKILL');
      await new Promise((r) => (host.exitCode === null && host.signalCode === null ? host.once('exit', r) : r(null)));
    }
    const after = cli('cases', 'create-demo', '--count', '2', '--seed', '6');
    expect(after.status, after.stderr).toBe(0);
    const check = cli('db', 'check', '--json');
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true, counts: { intake_case: 5 }, duplicateCaseNumbers: 0, audit: { ok: true } });
  });
});
