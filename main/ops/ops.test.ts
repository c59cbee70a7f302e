import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it, vi } from 'vitest';
import type { EventListener } from '../events/renderer-events';
import { createApp } from '../app/app';
import { openDatabase } from '../db/database';
import { BusyGate } from '../updater/busy-gate';
import { applyAutostart, autostartFile } from './autostart';
import { trackIntakeActivity } from './intake-activity';
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
  it('a transaction in flight commits before the database closes', async () => {
    const app = await createApp({ dataDir: tempDir(), mode: 'normal', transport: 'test' });
    const db = app.services.database;
    const order: string[] = [];
    const realClose = db.close.bind(db);
    db.close = async () => {
      order.push('db closed');
      await realClose();
    };
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inside!: () => void;
    const entered = new Promise<void>((r) => (inside = r));
    const commit = db.db.transaction().execute(async (trx) => {
      await trx.insertInto('meta').values({ key: 'ops.test', value: 'committed' }).execute();
      inside();
      await held; // a slow commit, e.g. a case with many materials
    });
    await entered;
    expect(app.services.busy.commit.isBusy()).toBe(true);
    const closing = app.close().then(() => order.push('app closed'));
    await new Promise((r) => setTimeout(r, 50)); // give close every chance to run ahead (it must not)
    order.push('commit released');
    release();
    await commit;
    await closing;
    expect(order).toEqual(['commit released', 'db closed', 'app closed']);
    const reopened = await openDatabase(db.file);
    expect(await reopened.db.selectFrom('meta').select('value').where('key', '=', 'ops.test').executeTakeFirst()).toEqual({ value: 'committed' });
    await reopened.close();
  });
});

describe('intake activity', () => {
  it('an applicant at the window holds updates until the screen locks or the window is quiet', () => {
    vi.useFakeTimers();
    try {
      let listener: EventListener = () => undefined;
      let cardRead: () => void = () => undefined;
      const gate = new BusyGate();
      const stop = trackIntakeActivity({ events: (l) => ((listener = l), () => undefined), cardReads: (l) => ((cardRead = l), () => undefined) }, gate, 1000);
      expect(gate.isBusy()).toBe(false);
      listener('intake.applicant', {});
      expect(gate.isBusy()).toBe(true);
      vi.advanceTimersByTime(900);
      cardRead(); // the next applicant: still busy, the quiet period starts again
      vi.advanceTimersByTime(900);
      expect(gate.isBusy()).toBe(true);
      vi.advanceTimersByTime(200);
      expect(gate.isBusy()).toBe(false);
      cardRead();
      listener('auth.state', { signedIn: true, locked: true });
      expect(gate.isBusy()).toBe(false);
      stop();
    } finally {
      vi.useRealTimers();
    }
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
