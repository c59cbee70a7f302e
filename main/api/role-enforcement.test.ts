import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ROLES, methods, type Role } from '../../common/contract';
import { APPLICANT_SCREEN_ROLE } from '../../common/contract/applicant-screen';
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
    // The applicant screen's own methods: no staff role reaches them (above); their lock rule is below.
    if (!allowed.length && access.includes(APPLICANT_SCREEN_ROLE)) continue;
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

describe('the applicant screen caller (issue 18)', () => {
  const asScreen = { session: null, role: APPLICANT_SCREEN_ROLE } as const;
  const own = entries.filter(([, spec]) => (spec.roles as readonly string[]).includes(APPLICANT_SCREEN_ROLE)).map(([n]) => n);

  it('has its few methods, and staff hold none of them', () => {
    expect(own.sort()).toEqual(['applicantScreen.confirm', 'applicantScreen.rate', 'applicantScreen.refuse', 'applicantScreen.sign', 'applicantScreen.state']);
    for (const name of own) expect(methods[name as keyof typeof methods].roles).toEqual([APPLICANT_SCREEN_ROLE]);
  });

  for (const [name, spec] of entries) {
    const mine = (spec.roles as readonly string[]).includes(APPLICANT_SCREEN_ROLE);
    it(`${name}: ${mine ? 'callable' : 'FORBIDDEN'} for the applicant screen${mine ? ', whoever is signed in or locked' : ' (public and clerk methods included)'}`, async () => {
      reached.length = 0;
      const r = await router.invoke(name, undefined, asScreen);
      if (mine) {
        if (!r.ok) expect(['UNAUTHENTICATED', 'FORBIDDEN', 'LOCKED']).not.toContain(r.error.code);
        // A locked clerk session does not reach the applicant screen's calls: it carries none.
        const locked = await router.invoke(name, undefined, { ...asScreen, session: session([...ROLES], true) });
        if (!locked.ok) expect(['UNAUTHENTICATED', 'FORBIDDEN', 'LOCKED']).not.toContain(locked.error.code);
      } else {
        expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        // Even if a staff session were somehow attached, the caller's list decides.
        expect(await router.invoke(name, undefined, { ...asScreen, session: session([...ROLES]) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(reached).toEqual([]);
      }
    });
  }
});
