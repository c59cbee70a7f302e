import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../ops/testing';
import { BusyGate } from './busy-gate';
import { StartGuard } from './start-guard';
import { UpdateService, type UpdaterBackend } from './update-service';

/** Behaves like electron-updater where it matters: setting a channel turns allowDowngrade on. */
class FakeBackend implements UpdaterBackend {
  calls: string[] = [];
  feed: unknown = null;
  allowDowngrade = false;
  autoDownload = true;
  autoInstallOnAppQuit = true;
  private ch: string | null = null;
  constructor(private readonly offer: string | null, private readonly downloadError: Error | null = null) {}
  get channel() {
    return this.ch;
  }
  set channel(v: string | null) {
    this.ch = v;
    this.allowDowngrade = true;
  }
  setFeedURL(o: unknown) {
    this.feed = o;
  }
  async checkForUpdates() {
    this.calls.push('check');
    return this.offer ? { isUpdateAvailable: true, updateInfo: { version: this.offer } } : null;
  }
  async downloadUpdate() {
    this.calls.push('download');
    if (this.downloadError) throw this.downloadError;
    return ['/cache/yichuang-2.0.0.exe'];
  }
  quitAndInstall() {
    this.calls.push('install');
  }
}

const tempDir = useTempDirs('yc-guard-');

function service(backend: FakeBackend, busy = new BusyGate(), update: { channel: 'latest' | 'beta'; url: string | null } = { channel: 'latest', url: 'http://10.0.0.5/yichuang/' }) {
  const notices: string[] = [];
  const svc = new UpdateService({ backend, settings: () => update, isBusy: () => busy.isBusy(), whenIdle: () => busy.whenIdle(), notice: (n) => notices.push(n.code) });
  return { svc, notices };
}

describe('UpdateService', () => {
  it('does nothing without an update server in the settings', async () => {
    const backend = new FakeBackend('2.0.0');
    const { svc } = service(backend, new BusyGate(), { channel: 'latest', url: null });
    expect(await svc.checkAndInstall()).toBeNull();
    expect(svc.status()).toMatchObject({ phase: 'disabled' });
    expect(backend.calls).toEqual([]);
  });

  it('uses the generic provider on the configured channel, never downgrading, and installs at once when idle', async () => {
    const backend = new FakeBackend('2.0.0');
    const { svc } = service(backend, new BusyGate(), { channel: 'beta', url: 'http://10.0.0.5/yichuang/' });
    expect(await svc.checkAndInstall()).toBe('2.0.0');
    expect(backend.feed).toEqual({ provider: 'generic', url: 'http://10.0.0.5/yichuang', channel: 'beta' });
    expect(backend).toMatchObject({ channel: 'beta', allowDowngrade: false, autoDownload: false, autoInstallOnAppQuit: false });
    expect(backend.calls).toEqual(['check', 'download', 'install']);
  });

  it('never installs during an intake: waits for the intake to end', async () => {
    const backend = new FakeBackend('2.0.0');
    const gate = new BusyGate();
    const leave = gate.enter();
    const { svc } = service(backend, gate);
    const done = svc.checkAndInstall();
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(svc.status()).toEqual({ phase: 'waiting-for-idle', version: '2.0.0' });
    expect(backend.calls).toEqual(['check', 'download']);
    leave();
    expect(await done).toBe('2.0.0');
    expect(backend.calls.at(-1)).toBe('install');
  });

  it('a download that fails verification (sha512) is reported and nothing is installed', async () => {
    const backend = new FakeBackend('2.0.0', new Error('sha512 checksum mismatch'));
    const { svc, notices } = service(backend);
    expect(await svc.checkAndInstall()).toBeNull();
    expect(svc.status()).toEqual({ phase: 'failed', message: '更新失败：sha512 checksum mismatch' });
    expect(backend.calls).not.toContain('install');
    expect(notices).toEqual(['update.failed']);
  });

  it('rollback reads the server’s rollback/ folder and is the only path allowed to go back', async () => {
    const backend = new FakeBackend('1.0.0');
    const { svc, notices } = service(backend);
    expect(await svc.rollback()).toBe('1.0.0');
    expect(backend.feed).toEqual({ provider: 'generic', url: 'http://10.0.0.5/yichuang/rollback', channel: 'latest' });
    expect(backend.allowDowngrade).toBe(true);
    expect(notices).toEqual(['update.rollback']);
  });
});

describe('StartGuard (rollback on failed start)', () => {
  it('asks for a rollback after a new version failed to start twice, never for a version that starts', () => {
    const dir = tempDir();
    const v1 = new StartGuard(dir, '1.0.0');
    expect(v1.begin()).toMatchObject({ attempts: 1, lastGood: null, rollback: false });
    v1.confirm();
    // 2.0.0 installed; it dies during start-up twice (no confirm).
    const v2 = new StartGuard(dir, '2.0.0');
    expect(v2.begin()).toMatchObject({ attempts: 1, rollback: false });
    expect(v2.begin()).toMatchObject({ attempts: 2, rollback: false });
    expect(v2.begin()).toMatchObject({ attempts: 3, lastGood: '1.0.0', rollback: true });
    // Once it does start, it is the good version.
    v2.confirm();
    expect(new StartGuard(dir, '2.0.0').begin()).toMatchObject({ attempts: 1, lastGood: '2.0.0', rollback: false });
  });

  it('a start withdrawn (data folder busy) does not count towards a rollback', () => {
    const dir = tempDir();
    new StartGuard(dir, '1.0.0').begin();
    new StartGuard(dir, '1.0.0').confirm();
    const v2 = new StartGuard(dir, '2.0.0');
    v2.begin();
    for (let i = 0; i < 3; i++) {
      const busy = new StartGuard(dir, '2.0.0');
      expect(busy.begin()).toMatchObject({ attempts: 2, rollback: false });
      busy.withdraw();
    }
  });

  it('a torn marker file (crash mid-write) counts as no record', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'update'));
    fs.writeFileSync(path.join(dir, 'update', 'start-marker.json'), '{"vers');
    expect(new StartGuard(dir, '1.0.0').begin()).toMatchObject({ attempts: 1, rollback: false });
  });
});
