import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, defineMethod, type MethodSpec } from '../../common/contract';
import type { Session } from '../auth/session';
import { createRouter, MAX_INPUT_BYTES, type Handlers } from './router';

const table = {
  'test.public': defineMethod({ summary: '', roles: ['public'], input: z.object({ n: z.number() }), output: z.number() }),
  'test.supervisor': defineMethod({ summary: '', roles: ['supervisor'], input: z.undefined().optional(), output: z.string() }),
  'test.broken': defineMethod({ summary: '', roles: ['public'], input: z.undefined().optional(), output: z.string() }),
  'test.throws': defineMethod({ summary: '', roles: ['public'], input: z.undefined().optional(), output: z.string() }),
  'test.missing': defineMethod({ summary: '', roles: ['public'], input: z.undefined().optional(), output: z.string() }),
} satisfies Record<string, MethodSpec>;

const handlers = {
  'test.public': ({ n }: { n: number }) => n * 2,
  'test.supervisor': () => 'secret',
  'test.broken': () => 42,
  'test.throws': () => {
    throw new AppError('NOT_FOUND', '没有这个办件。');
  },
} as unknown as Handlers;

const silent = pino({ level: 'silent' });
const router = createRouter(handlers, silent, table);
const clerk: Session = { staffId: 's1', name: '窗口一', roles: ['clerk'] };
const supervisor: Session = { staffId: 's2', name: '负责人', roles: ['supervisor'] };

describe('router', () => {
  it('runs a valid call and wraps the value', async () => {
    expect(await router.invoke('test.public', { n: 21 }, { session: null })).toEqual({ ok: true, value: 42 });
  });

  it('rejects invalid input with INVALID_INPUT (zod), naming the field', async () => {
    const r = await router.invoke('test.public', { n: 'x' }, { session: null });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!r.ok && r.error.message).toContain('n');
  });

  it('rejects an unknown method with UNKNOWN_METHOD, including prototype names', async () => {
    for (const m of ['nope.nothing', '__proto__', 'constructor', 42, null]) {
      expect(await router.invoke(m, {}, { session: null })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('rejects a caller without a session with UNAUTHENTICATED, and without the role with FORBIDDEN', async () => {
    expect(await router.invoke('test.supervisor', undefined, { session: null })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await router.invoke('test.supervisor', undefined, { session: clerk })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await router.invoke('test.supervisor', undefined, { session: supervisor })).toEqual({ ok: true, value: 'secret' });
  });

  it('refuses oversized input before parsing it', async () => {
    const big = { n: 1, pad: 'x'.repeat(MAX_INPUT_BYTES + 1) };
    expect(await router.invoke('test.public', big, { session: null })).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
  });

  it('maps AppError to its code, output that breaks the contract to INTERNAL, and a missing handler to NOT_AVAILABLE', async () => {
    expect(await router.invoke('test.throws', undefined, { session: null })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '没有这个办件。' } });
    expect(await router.invoke('test.broken', undefined, { session: null })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await router.invoke('test.missing', undefined, { session: null })).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
  });
});
