import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app/app';
import { verifyAuditChain } from '../audit/verify';
import { setupCodeFile } from './setup-code';
import { tempDir } from './testing';

/** Sign-in, lock and setup through the real app and router (normal and demo mode). */
let app: App | null = null;
let dir: string;
afterEach(async () => {
  await app?.close();
  app = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

describe('auth through the app', () => {
  it('normal mode: setup with the printed code, then data methods need a session and are LOCKED while locked', async () => {
    dir = tempDir('yc-flow-');
    app = await createApp({ dataDir: dir, mode: 'normal', transport: 'test' });
    const status = await app.invoke('auth.status', undefined);
    expect(status).toMatchObject({ ok: true, value: { setupRequired: true, signedIn: false } });
    expect(codeOf(await app.invoke('catalog.search', { q: '' }))).toBe('UNAUTHENTICATED');
    const code = /([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec(fs.readFileSync(setupCodeFile(dir), 'utf8'))![1];
    const setup = await app.invoke('auth.setup', { setupCode: code, staffId: 'yunwei', name: '运维员', password: 'Maint-2026-pass' });
    expect(setup).toMatchObject({ ok: true, value: { signedIn: true, roles: ['maintenance'] } });
    // Maintenance is not a clerk: intake is forbidden, device and settings work is not.
    expect(codeOf(await app.invoke('intake.accept', { itemCode: 'x', applicant: { kind: 'person', idType: 'resident', idNumber: '1', name: 'a' } }))).toBe('FORBIDDEN');
    expect(codeOf(await app.invoke('settings.get', undefined))).toBe('ok');
    expect(codeOf(await app.invoke('auth.lock', { reason: 'hotkey' }))).toBe('ok');
    expect(codeOf(await app.invoke('settings.get', undefined))).toBe('LOCKED');
    expect(codeOf(await app.invoke('auth.unlock', { password: 'wrong-password' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await app.invoke('auth.unlock', { password: 'Maint-2026-pass' }))).toBe('ok');
    expect(codeOf(await app.invoke('settings.get', undefined))).toBe('ok');
    expect(codeOf(await app.invoke('auth.signOut', undefined))).toBe('ok');
    expect(codeOf(await app.invoke('settings.get', undefined))).toBe('UNAUTHENTICATED');
    const actions = (await app.services.database.db.selectFrom('audit_log').select('action').orderBy('seq').execute()).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.setup', 'auth.signIn', 'auth.lock', 'auth.unlockFailed', 'auth.unlock', 'auth.signOut']));
    expect((await verifyAuditChain(app.services.database.db)).ok).toBe(true);
    // The idle time follows the settings file.
    app.services.settings.update({ lockTimeoutMinutes: 2 });
    expect((await app.invoke('auth.status', undefined)) as unknown).toMatchObject({ value: { idleLockSeconds: 120 } });
  });

  it('demo mode: the demo staff is signed in with every role and no setup is asked for', async () => {
    dir = tempDir('yc-flow-');
    app = await createApp({ dataDir: dir, mode: 'demo', transport: 'test' });
    expect(await app.invoke('auth.status', undefined)).toMatchObject({
      ok: true,
      value: { mode: 'demo', setupRequired: false, signedIn: true, staffId: 'demo', roles: ['clerk', 'supervisor', 'maintenance'], idleLockSeconds: 0 },
    });
    expect(fs.existsSync(setupCodeFile(dir))).toBe(false);
  });
});
