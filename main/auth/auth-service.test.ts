import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../common/contract/errors';
import { verifyAuditChain } from '../audit/verify';
import { verifyPassword } from './password-hash';
import { findStaff } from './roster';
import { ensureSetupCode, setupCodeFile } from './setup-code';
import { addStaff, authFixture, TEST_PARAMS, type AuthFixture } from './testing';
import fs from 'node:fs';

let fx: AuthFixture;
afterEach(async () => {
  vi.useRealTimers();
  await fx?.close();
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return err instanceof AppError ? err.code : String(err);
  }
}

describe('sign-in against the cached roster', () => {
  it('signs in with the right password, refuses a wrong one and an unknown account alike', async () => {
    fx = await authFixture();
    await addStaff(fx.database, 'zhangsan', 'correct horse 1', ['clerk', 'supervisor'], '张三');
    expect(await codeOf(fx.auth.signIn('zhangsan', 'wrong'))).toBe('UNAUTHENTICATED');
    expect(await codeOf(fx.auth.signIn('nobody', 'wrong'))).toBe('UNAUTHENTICATED');
    expect(fx.sessions.get()).toBeNull();
    const status = await fx.auth.signIn('zhangsan', 'correct horse 1');
    expect(status).toMatchObject({ signedIn: true, locked: false, staffId: 'zhangsan', roles: ['clerk', 'supervisor'] });
    expect(fx.seen.at(-1)).toMatchObject({ signedIn: true, staffId: 'zhangsan' });
  });

  it('never stores what was typed as an unknown account (it may be an ID number)', async () => {
    fx = await authFixture();
    await codeOf(fx.auth.signIn('460102199001010021', 'x'));
    const rows = [
      ...(await fx.database.db.selectFrom('staff_lockout').select('staff_id').execute()).map((r) => r.staff_id),
      ...(await fx.database.db.selectFrom('audit_log').select(['actor', 'detail']).execute()).map((r) => r.actor + r.detail),
    ];
    expect(rows.length).toBe(2);
    expect(rows.join(' ')).not.toContain('460102199001010021');
  });

  it('refuses an inactive account even with its password', async () => {
    fx = await authFixture();
    await addStaff(fx.database, 'lisi', 'password-1234');
    await fx.database.db.updateTable('staff').set({ active: 0 }).execute();
    expect(await codeOf(fx.auth.signIn('lisi', 'password-1234'))).toBe('UNAUTHENTICATED');
  });

  it('audits sign-in, failures, lock and unlock in a valid chain', async () => {
    fx = await authFixture();
    await addStaff(fx.database, 'zhangsan', 'password-1234');
    await codeOf(fx.auth.signIn('zhangsan', 'nope'));
    await fx.auth.signIn('zhangsan', 'password-1234');
    await fx.auth.lock('hotkey');
    await fx.auth.unlock('password-1234');
    const actions = (await fx.database.db.selectFrom('audit_log').select('action').orderBy('seq').execute()).map((r) => r.action);
    expect(actions).toEqual(['auth.signInFailed', 'auth.signIn', 'auth.lock', 'auth.unlock']);
    expect((await verifyAuditChain(fx.database.db)).ok).toBe(true);
  });
});

describe('lockout with backoff', () => {
  it('holds the account after the free attempts, even for the right password, and lifts the hold with time', async () => {
    let now = new Date('2026-03-02T09:00:00Z');
    fx = await authFixture({ now: () => now, lockout: { freeAttempts: 3, firstHoldMs: 30_000, maxHoldMs: 600_000 } });
    await addStaff(fx.database, 'zhangsan', 'password-1234');
    for (let i = 0; i < 2; i++) expect(await codeOf(fx.auth.signIn('zhangsan', 'bad'))).toBe('UNAUTHENTICATED');
    // Third failure starts a 30 s hold; the message says how long.
    await expect(fx.auth.signIn('zhangsan', 'bad')).rejects.toThrow(/暂停验证 30 秒/);
    await expect(fx.auth.signIn('zhangsan', 'password-1234')).rejects.toThrow(/请在 30 秒后重试/);
    now = new Date(now.getTime() + 31_000);
    // One more failure after the hold doubles it.
    await expect(fx.auth.signIn('zhangsan', 'bad')).rejects.toThrow(/暂停验证 1 分/);
    now = new Date(now.getTime() + 61_000);
    expect((await fx.auth.signIn('zhangsan', 'password-1234')).signedIn).toBe(true);
    // Success clears the count.
    expect(await fx.database.db.selectFrom('staff_lockout').selectAll().execute()).toEqual([]);
  });

  it('counts parallel guesses one by one', async () => {
    fx = await authFixture({ lockout: { freeAttempts: 3, firstHoldMs: 60_000, maxHoldMs: 600_000 } });
    await addStaff(fx.database, 'zhangsan', 'password-1234');
    await Promise.all(Array.from({ length: 8 }, () => codeOf(fx.auth.signIn('zhangsan', 'bad'))));
    const row = await fx.database.db.selectFrom('staff_lockout').selectAll().executeTakeFirstOrThrow();
    // 3 counted failures, the rest refused by the hold without a KDF run.
    expect(row.failures).toBe(3);
  });

  it('failed unlocks count towards the hold too', async () => {
    fx = await authFixture({ lockout: { freeAttempts: 2, firstHoldMs: 60_000, maxHoldMs: 600_000 } });
    await addStaff(fx.database, 'zhangsan', 'password-1234');
    await fx.auth.signIn('zhangsan', 'password-1234');
    await fx.auth.lock('manual');
    await codeOf(fx.auth.unlock('x'));
    await codeOf(fx.auth.unlock('y'));
    await expect(fx.auth.unlock('password-1234')).rejects.toThrow(/后重试/);
    expect(fx.sessions.get()?.locked).toBe(true);
  });
});

describe('lock and auto-lock', () => {
  it('locks after the idle time, keeps the session, unlocks only with the password', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fx = await authFixture({ idleLockSeconds: 300 });
    await addStaff(fx.database, 'zhangsan', 'password-1234');
    await fx.auth.signIn('zhangsan', 'password-1234');
    await vi.advanceTimersByTimeAsync(299_000);
    fx.auth.activity();
    await vi.advanceTimersByTimeAsync(299_000);
    expect(fx.sessions.get()?.locked).toBeFalsy();
    await vi.advanceTimersByTimeAsync(2_000);
    await vi.waitFor(() => expect(fx.seen.at(-1)).toMatchObject({ locked: true, lockReason: 'idle' }));
    expect(fx.auth.status()).toMatchObject({ signedIn: true, locked: true, lockReason: 'idle', staffId: 'zhangsan' });
    expect(await codeOf(fx.auth.unlock('wrong'))).toBe('UNAUTHENTICATED');
    expect(fx.sessions.get()?.locked).toBe(true);
    expect((await fx.auth.unlock('password-1234')).locked).toBe(false);
  });

  it('another staff member may sign in at the lock screen (switch user)', async () => {
    fx = await authFixture();
    await addStaff(fx.database, 'zhangsan', 'password-1234');
    await addStaff(fx.database, 'lisi', 'password-5678', ['supervisor']);
    await fx.auth.signIn('zhangsan', 'password-1234');
    await fx.auth.lock('hotkey');
    expect(await fx.auth.signIn('lisi', 'password-5678')).toMatchObject({ staffId: 'lisi', locked: false, roles: ['supervisor'] });
  });

  it('demo mode: demo staff unlocks with the demo password', async () => {
    fx = await authFixture({ mode: 'demo' });
    fx.sessions.set({ staffId: 'demo', name: '培训员', roles: ['clerk', 'supervisor', 'maintenance'] });
    await fx.auth.lock('hotkey');
    expect(await codeOf(fx.auth.unlock('x'))).toBe('UNAUTHENTICATED');
    expect((await fx.auth.unlock('demo')).locked).toBe(false);
    expect(fx.auth.status().setupRequired).toBe(false);
  });
});

describe('password change', () => {
  it('needs the current password, applies the rules, and queues the new verifier for the central roster', async () => {
    fx = await authFixture();
    await addStaff(fx.database, 'zhangsan', 'password-1234');
    await fx.auth.signIn('zhangsan', 'password-1234');
    expect(await codeOf(fx.auth.changePassword('wrong', 'new-password-99'))).toBe('UNAUTHENTICATED');
    expect(await codeOf(fx.auth.changePassword('password-1234', 'zhangsan-2026'))).toBe('INVALID_INPUT');
    await fx.auth.changePassword('password-1234', 'new-password-99');
    const staff = await findStaff(fx.database.db, 'zhangsan');
    expect(await verifyPassword('new-password-99', staff!.passwordHash!)).toBe(true);
    const outbox = await fx.database.db.selectFrom('outbox').selectAll().execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.kind).toBe('staff.passwordChanged');
    expect(outbox[0]!.payload).not.toContain('new-password-99');
  });
});

describe('first-run setup', () => {
  it('creates the maintenance account with the one-time code, which then stops working', async () => {
    fx = await authFixture();
    expect(fx.auth.status().setupRequired).toBe(true);
    const { code, file } = await ensureSetupCode(fx.database.db, fx.dir, TEST_PARAMS);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // A second start keeps the code the installer wrote down.
    expect((await ensureSetupCode(fx.database.db, fx.dir, TEST_PARAMS)).code).toBe(code);
    const input = { setupCode: code.toLowerCase().replace(/-/g, ' '), staffId: 'yunwei', name: '运维', password: 'maint-pass-2026' };
    expect(await codeOf(fx.auth.setup({ ...input, setupCode: 'AAAA-BBBB-CCCC' }))).toBe('UNAUTHENTICATED');
    const status = await fx.auth.setup(input);
    expect(status).toMatchObject({ setupRequired: false, signedIn: true, roles: ['maintenance'] });
    expect(fs.existsSync(setupCodeFile(fx.dir))).toBe(false);
    expect(await codeOf(fx.auth.setup({ ...input, staffId: 'other' }))).toBe('CONFLICT');
    await fx.auth.signOut();
    expect((await fx.auth.signIn('yunwei', 'maint-pass-2026')).signedIn).toBe(true);
  });
});

describe('session store', () => {
  it('lock and unlock do not look like a change of staff (an intake in progress survives)', async () => {
    fx = await authFixture();
    await addStaff(fx.database, 'zhangsan', 'password-1234');
    await addStaff(fx.database, 'lisi', 'password-5678');
    const changes: Array<string | null> = [];
    const locks: boolean[] = [];
    fx.sessions.onChange((s) => changes.push(s?.staffId ?? null));
    fx.sessions.onLockChange((s) => locks.push(Boolean(s?.locked)));
    await fx.auth.signIn('zhangsan', 'password-1234');
    await fx.auth.lock('hotkey');
    await fx.auth.unlock('password-1234');
    await fx.auth.lock('idle');
    await fx.auth.signIn('lisi', 'password-5678');
    await fx.auth.signOut();
    expect(changes).toEqual(['zhangsan', 'lisi', null]);
    expect(locks).toEqual([true, false, true, false]);
  });
});
