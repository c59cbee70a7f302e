import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app/app';
import { applyAutostart, autostartFile } from './autostart';
import { useTempDirs } from './testing';

const tempDir = useTempDirs('yc-ops-');

describe('crash safety net', () => {
  it('logs an uncaught exception and an unhandled rejection, and the host keeps serving', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'fixtures', 'crashing-host.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const lines: string[] = [];
      const port = await new Promise<number>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`host exited (${code})`)));
        readline.createInterface({ input: child.stdout! }).on('line', (line) => {
          lines.push(line);
          const m = /^PORT (\d+)$/.exec(line);
          if (m) resolve(Number(m[1]));
        });
      });
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('still serving');
      expect(lines).toEqual(expect.arrayContaining(['LOGGED uncaughtException handler blew up', 'LOGGED unhandledRejection nobody awaited this']));
    } finally {
      child.kill();
    }
  });
});

describe('graceful shutdown', () => {
  it('waits for the commit in flight before the database closes', async () => {
    const app = await createApp({ dataDir: tempDir(), mode: 'normal', transport: 'test' });
    const leave = app.services.busy.commit.enter();
    const order: string[] = [];
    const db = app.services.database;
    const realClose = db.close.bind(db);
    db.close = async () => {
      order.push('db closed');
      await realClose();
    };
    const closing = app.close().then(() => order.push('app closed'));
    await new Promise((r) => setTimeout(r, 50)); // give close every chance to run ahead (it must not)
    order.push('commit done');
    leave();
    await closing;
    expect(order).toEqual(['commit done', 'db closed', 'app closed']);
  });
});

describe('start on boot', () => {
  it('Linux (Kylin, UOS): an XDG autostart entry, removed when turned off', () => {
    const configHome = tempDir();
    applyAutostart(true, { platform: 'linux', exec: '/opt/一窗/yichuang app', configHome });
    const text = fs.readFileSync(autostartFile(configHome), 'utf8');
    expect(text).toContain('Exec="/opt/一窗/yichuang app"');
    expect(text).toContain('Name=一窗');
    applyAutostart(false, { platform: 'linux', exec: '/x', configHome });
    expect(fs.existsSync(autostartFile(configHome))).toBe(false);
  });

  it('Windows: the login item', () => {
    const calls: boolean[] = [];
    applyAutostart(true, { platform: 'win32', exec: 'C:\\yichuang.exe', setLoginItem: (v) => calls.push(v) });
    applyAutostart(false, { platform: 'win32', exec: 'C:\\yichuang.exe', setLoginItem: (v) => calls.push(v) });
    expect(calls).toEqual([true, false]);
  });
});
