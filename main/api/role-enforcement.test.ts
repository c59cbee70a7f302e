import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ROLES, methods, type Role } from '../../common/contract';
import { cliMethods } from '../../common/contract/cli';
import type { Session } from '../auth/session';
import { createRouter, type Handlers } from './router';

/**
 * Generated from the contract: every method, every role it does not grant, no session, a locked
 * session. Handlers must never be reached when the router should refuse, so they all fail loudly.
 */
const reached: string[] = [];
const handlers = new Proxy({} as Handlers, {
  get: (_t, name) => () => {
    reached.push(String(name));
    throw new Error(`handler ${String(name)} reached`);
  },
});
const router = createRouter(handlers, pino({ level: 'silent' }));
const session = (roles: Role[], locked = false): Session => ({ staffId: 't', name: '测试', roles, locked, lockReason: locked ? 'hotkey' : null });

const entries = Object.entries(methods);

describe('role enforcement for every method of the contract', () => {
  it('covers the whole contract', () => {
    expect(entries.length).toBeGreaterThan(5);
    for (const [, spec] of entries) expect(spec.roles.length).toBeGreaterThan(0);
  });

  for (const [name, spec] of entries) {
    const access = spec.roles as readonly string[];
    if (access.includes('public')) {
      it(`${name} (public): callable without a session`, async () => {
        const r = await router.invoke(name, undefined, { session: null });
        if (!r.ok) expect(['UNAUTHENTICATED', 'FORBIDDEN', 'LOCKED']).not.toContain(r.error.code);
      });
      continue;
    }
    it(`${name} [${access.join(', ')}]: UNAUTHENTICATED without a session`, async () => {
      reached.length = 0;
      expect(await router.invoke(name, undefined, { session: null })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      expect(reached).toEqual([]);
    });
    const lacking = ROLES.filter((r) => !access.includes(r));
    it(`${name}: FORBIDDEN for a session lacking its roles (${lacking.join(', ') || 'no roles'})`, async () => {
      reached.length = 0;
      expect(await router.invoke(name, undefined, { session: session([]) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      if (lacking.length)
        expect(await router.invoke(name, undefined, { session: session([...lacking]) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      for (const role of lacking)
        expect(await router.invoke(name, undefined, { session: session([role]) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(reached).toEqual([]);
    });
    const forCli = (cliMethods as readonly string[]).includes(name);
    it(`${name}: ${forCli ? 'callable' : 'FORBIDDEN'} for the CLI's local caller, even holding staff roles`, async () => {
      reached.length = 0;
      const r = await router.invoke(name, undefined, { session: session([...ROLES]), role: 'cli' });
      if (forCli) {
        if (!r.ok) expect(['UNAUTHENTICATED', 'FORBIDDEN', 'LOCKED']).not.toContain(r.error.code);
      } else {
        expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(reached).toEqual([]);
      }
    });
    const allowed = ROLES.filter((r) => access.includes(r));
    it(`${name}: passes the role check for ${allowed.join(', ')}`, async () => {
      for (const role of allowed) {
        const r = await router.invoke(name, undefined, { session: session([role]) });
        if (!r.ok) expect(['UNAUTHENTICATED', 'FORBIDDEN', 'LOCKED']).not.toContain(r.error.code);
      }
    });
    it(`${name}: ${name.startsWith('auth.') ? 'still callable' : 'LOCKED'} while the screen is locked`, async () => {
      reached.length = 0;
      const r = await router.invoke(name, undefined, { session: session([...allowed], true) });
      if (name.startsWith('auth.')) {
        if (!r.ok) expect(r.error.code).not.toBe('LOCKED');
      } else {
        expect(r).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
        expect(reached).toEqual([]);
      }
    });
  }
});
