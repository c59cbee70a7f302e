import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { methods } from '../../common/contract';
import { cliMethods } from '../../common/contract/cli';
import { createApp, type App } from '../app/app';
import { CLI_CONTEXT, cliApi } from './app';
import { CliError } from './util';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'yichuang.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 150_000 });

const dirs: string[] = [];
const apps: App[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-cli-router-'));
  dirs.push(d);
  return d;
};

describe('the CLI through the router', { timeout: 160_000 }, () => {
  it('input the router refuses: its message, exit 2, nothing saved', () => {
    const dir = tempDir();
    const date = run('--data-dir', dir, 'calendar', 'add-workdays', '2026-13-1', '5');
    expect(date.status).toBe(2);
    expect(date.stderr.trim()).toBe('输入无效（date）：日期格式应为 YYYY-MM-DD');

    const channel = run('--data-dir', dir, 'config', 'set', 'update.channel', 'nightly');
    expect(channel.status).toBe(2);
    expect(channel.stderr).toMatch(/^输入无效（patch\.update\.channel）：/);
    expect(JSON.parse(run('--data-dir', dir, 'config', 'get', 'update', '--json').stdout)).toMatchObject({ channel: 'latest' });

    // A valid change goes through the same handler as the maintenance screen: saved and audited as the CLI.
    expect(run('--data-dir', dir, 'config', 'set', 'update.channel', 'beta').status).toBe(0);
    expect(JSON.parse(run('--data-dir', dir, 'config', 'get', 'update', '--json').stdout)).toMatchObject({ channel: 'beta' });
  });

  it('config set changes one field and keeps the other fields of its group (they were reset to their defaults); digits for a text field not set yet stay text', () => {
    const dir = tempDir();
    // The driver last, and a change after it: the CLI's app connects to the (absent) queue system and
    // must still exit (it used to keep retrying the queue's event socket after close).
    for (const [key, value] of [['queue.url', 'http://127.0.0.1:9'], ['queue.token', '123456'], ['queue.callerDeviceId', 'caller1'], ['update.url', 'http://10.0.0.5/yichuang'], ['update.channel', 'beta'], ['queue.driver', 'http'], ['hall.name', '市民中心']])
      expect(run('--data-dir', dir, 'config', 'set', key!, value!).status).toBe(0);
    const settings = JSON.parse(run('--data-dir', dir, 'config', 'get', '--json').stdout);
    expect(settings.queue).toEqual({ driver: 'http', url: 'http://127.0.0.1:9', token: '123456', callerDeviceId: 'caller1' });
    expect(settings.update).toEqual({ channel: 'beta', url: 'http://10.0.0.5/yichuang' });
  });

  it('the CLI caller may call its list and nothing else, whatever the method allows staff', async () => {
    const app = await createApp({ dataDir: tempDir(), mode: 'normal', transport: 'test' });
    apps.push(app);
    for (const method of cliMethods) expect(Object.hasOwn(methods, method)).toBe(true);

    expect(await app.router.invoke('catalog.info', undefined, CLI_CONTEXT)).toMatchObject({ ok: true });
    // Methods outside the list: a maintenance one (keys.export), a clerk one (cases.reveal), a read (db.check).
    for (const method of ['keys.export', 'cases.reveal', 'db.check', 'devices.configure'] as const) {
      expect(cliMethods as readonly string[]).not.toContain(method);
      expect(await app.router.invoke(method, {}, CLI_CONTEXT)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '当前账号没有执行此操作的权限。' } });
    }
    // Public methods stay public.
    expect(await app.router.invoke('app.info', undefined, CLI_CONTEXT)).toMatchObject({ ok: true });

    // The router's answer becomes the CLI's error: message as is, usage failures exit 2, others 1.
    const api = cliApi(app);
    await expect(api.call('calendar.addWorkdays', { date: 'tomorrow', n: 1 })).rejects.toEqual(new CliError('输入无效（date）：日期格式应为 YYYY-MM-DD', 2));
    await expect(api.call('calendar.addWorkdays', { date: 'tomorrow', n: 1 }).catch((e: CliError) => e.exitCode)).resolves.toBe(2);
    await expect(api.call('sync.enroll', { centralUrl: 'http://127.0.0.1:9/', code: 'X' }).catch((e: CliError) => e.exitCode)).resolves.toBe(1);
  });
});
