import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../common/contract/errors';
import { hashPassword } from './password-hash';
import { applyRoster, deactivateStaff, findStaff } from './roster';
import { authFixture, TEST_PARAMS, type AuthFixture } from './testing';

let fx: AuthFixture;
afterEach(async () => fx?.close());

const entry = async (staffId: string, password: string, changedAt: string) => ({
  staffId,
  name: '张三',
  roles: ['clerk' as const],
  passwordHash: await hashPassword(password, TEST_PARAMS),
  passwordChangedAt: changedAt,
  active: true,
});

describe('roster cache', () => {
  it('applies the central roster; offline sign-in works against it; a newer local password wins; deletes deactivate', async () => {
    fx = await authFixture();
    await fx.database.db.transaction().execute(async (trx) => applyRoster(trx, [await entry('zhangsan', 'central-pass-1', '2026-01-01T00:00:00Z')], 'v1', { full: true }));
    expect((await fx.auth.signIn('zhangsan', 'central-pass-1')).roles).toEqual(['clerk']);
    await fx.auth.changePassword('central-pass-1', 'local-pass-22');
    // The same old verifier comes again with the next pull: the newer local change is kept.
    await fx.database.db.transaction().execute(async (trx) => applyRoster(trx, [await entry('zhangsan', 'central-pass-1', '2026-01-01T00:00:00Z')], 'v2', { full: false }));
    await fx.auth.signOut();
    expect((await fx.auth.signIn('zhangsan', 'local-pass-22')).signedIn).toBe(true);
    await fx.auth.signOut();
    await fx.database.db.transaction().execute(async (trx) => deactivateStaff(trx, ['zhangsan'], 'v3'));
    expect((await findStaff(fx.database.db, 'zhangsan'))?.active).toBe(false);
    await expect(fx.auth.signIn('zhangsan', 'local-pass-22')).rejects.toBeInstanceOf(AppError);
  });

  it('a full roster deactivates central accounts it no longer lists; a malformed verifier cannot sign in', async () => {
    fx = await authFixture();
    await fx.database.db.transaction().execute(async (trx) =>
      applyRoster(trx, [await entry('a', 'password-aa', '2026-01-01T00:00:00Z'), { ...(await entry('b', 'password-bb', '2026-01-01T00:00:00Z')), passwordHash: 'md5$abc' }], 'v1', { full: true }),
    );
    expect((await findStaff(fx.database.db, 'b'))?.passwordHash).toBeNull();
    const r = await fx.database.db.transaction().execute(async (trx) => applyRoster(trx, [await entry('b', 'password-bb', '2026-02-01T00:00:00Z')], 'v2', { full: true }));
    expect(r).toEqual({ upserted: 1, deactivated: 1 });
    expect((await findStaff(fx.database.db, 'a'))?.active).toBe(false);
    expect((await fx.auth.signIn('b', 'password-bb')).signedIn).toBe(true);
  });
});
