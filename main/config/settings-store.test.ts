import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app/app';
import { useTempDirs } from '../ops/testing';
import { defaultSettings, SETTINGS_FILE, SettingsError, SettingsStore } from './settings-store';

const tempDir = useTempDirs('yc-settings-');

describe('SettingsStore', () => {
  it('a fresh window starts with safe defaults and no problem', () => {
    const store = SettingsStore.load(tempDir());
    expect(store.get()).toEqual(defaultSettings());
    expect(store.status()).toMatchObject({ source: 'defaults', problem: null });
  });

  it('saves a change atomically and reads it back on the next start', () => {
    const dir = tempDir();
    const store = SettingsStore.load(dir);
    store.update({ hall: { code: '3301' }, update: { channel: 'beta', url: 'http://10.0.0.5/yichuang' }, lockTimeoutMinutes: 10 });
    const again = SettingsStore.load(dir);
    expect(again.get()).toMatchObject({ hall: { code: '3301', name: '' }, update: { channel: 'beta' }, lockTimeoutMinutes: 10 });
    expect(again.status()).toMatchObject({ source: 'file', problem: null });
    expect(fs.readdirSync(dir)).toEqual([SETTINGS_FILE]);
  });

  it('a change of one field of a group keeps its other fields', () => {
    const store = SettingsStore.load(tempDir());
    store.update({ queue: { driver: 'http', url: 'http://10.0.0.9:8088', token: 'q-secret' }, documentCamera: { backend: 'vendor', vendorDevice: 2 } });
    store.update({ queue: { callerDeviceId: 'caller1' }, documentCamera: { uvcLabel: 'USB Camera' } });
    store.update({ queue: {}, documentCamera: {} });
    expect(store.get().queue).toEqual({ driver: 'http', url: 'http://10.0.0.9:8088', token: 'q-secret', callerDeviceId: 'caller1' });
    expect(store.get().documentCamera).toMatchObject({ backend: 'vendor', vendorDevice: 2, uvcLabel: 'USB Camera' });
  });

  it('refuses an invalid change with a Chinese message and keeps the old settings', () => {
    const store = SettingsStore.load(tempDir());
    expect(() => store.update({ lockTimeoutMinutes: 0 })).toThrow(SettingsError);
    expect(() => store.update({ update: { url: 'ftp://x' } })).toThrow(/http:\/\/ 或 https:\/\//);
    expect(() => store.update({ hal: {} })).toThrow(/设置无效/);
    expect(store.get().lockTimeoutMinutes).toBe(5);
  });

  it.each([
    ['broken JSON', '{"hall": {"code": "33'],
    ['a wrong type', JSON.stringify({ lockTimeoutMinutes: 'ten' })],
    ['an array', '[]'],
    ['an invalid device', JSON.stringify({ devices: [{ id: 'a b', kind: 'toaster', port: '' }] })],
  ])('a file with %s: clear error, safe defaults, bad file kept, problem stays until fixed', (_what, text) => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, SETTINGS_FILE), text);
    const store = SettingsStore.load(dir, { now: () => new Date('2026-11-27T01:02:03.456Z') });
    expect(store.get()).toEqual(defaultSettings());
    const { problem, source } = store.status();
    expect(source).toBe('defaults');
    expect(problem?.message).toMatch(/^设置文件有误：.+已使用安全的默认设置启动；原文件已保留为 settings\.json\.bad-2026-11-27T01-02-03-456Z/);
    expect(fs.readFileSync(problem!.badFile!, 'utf8')).toBe(text);
    expect(fs.existsSync(path.join(dir, SETTINGS_FILE))).toBe(false);
    // The next start (no crash loop) still reports it, until maintenance saves valid settings.
    expect(SettingsStore.load(dir).status().problem?.message).toMatch(/曾经损坏/);
    SettingsStore.load(dir).update({ window: { code: 'W01' } });
    expect(SettingsStore.load(dir).status().problem).toBeNull();
  });

  it('accepts a file saved with a UTF-8 BOM (Windows Notepad)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, SETTINGS_FILE), '\uFEFF' + JSON.stringify({ hall: { code: '3301', name: '市民中心' } }));
    expect(SettingsStore.load(dir).get().hall).toMatchObject({ code: '3301', name: '市民中心' });
  });
});

describe('the app with a corrupt settings file', () => {
  let app: App | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('starts with safe defaults and tells the maintenance role', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, SETTINGS_FILE), '{ not json');
    app = await createApp({ dataDir: dir, mode: 'normal', transport: 'test' });
    const maintenance = { session: { staffId: 'm1', name: '运维', roles: ['maintenance' as const] } };
    const status = await app.router.invoke('settings.status', undefined, maintenance);
    expect(status).toMatchObject({ ok: true, value: { source: 'defaults', problem: { code: 'config.problem' } } });
    const got = await app.router.invoke('settings.get', undefined, maintenance);
    expect(got).toMatchObject({ ok: true, value: { settings: defaultSettings() } });
    // Maintenance fixes it in the app: saved, audited, problem cleared.
    const saved = await app.router.invoke('settings.update', { patch: { hall: { code: '3301' } } }, maintenance);
    expect(saved).toMatchObject({ ok: true, value: { settings: { hall: { code: '3301' } }, status: { problem: null } } });
    const audit = await app.services.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'settings.change').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'm1' });
    // A partial change through the API keeps the group's other fields.
    await app.router.invoke('settings.update', { patch: { hall: { name: '海口市政务服务中心' } } }, maintenance);
    expect(await app.router.invoke('settings.get', undefined, maintenance)).toMatchObject({ ok: true, value: { settings: { hall: { code: '3301', name: '海口市政务服务中心' } } } });
    // The queue token is saved but never sent back; the answer says it is set, and a later change keeps it.
    const token = await app.router.invoke('settings.update', { patch: { queue: { driver: 'http', url: 'http://127.0.0.1:9', token: 'q-secret' } } }, maintenance);
    expect(token).toMatchObject({ ok: true, value: { settings: { queue: { driver: 'http', token: null } }, secrets: { queueToken: true } } });
    await app.router.invoke('settings.update', { patch: { queue: { driver: 'none' } } }, maintenance);
    expect(JSON.stringify(await app.router.invoke('settings.get', undefined, maintenance))).not.toContain('q-secret');
    expect(app.services.settings.get().queue).toEqual({ driver: 'none', url: 'http://127.0.0.1:9', token: 'q-secret', callerDeviceId: null });
    // A clerk may see the status but not change settings.
    const clerk = { session: { staffId: 'c1', name: '窗口', roles: ['clerk' as const] } };
    expect(await app.router.invoke('settings.update', { patch: { startOnBoot: true } }, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
