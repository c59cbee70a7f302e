import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, methods } from '../../common/contract';
import { createApp, type App } from '../app/app';

/**
 * Every method of the real app (demo mode: all roles) fed random and malformed inputs: the router
 * must answer every call with a Result, and every failure with a stable code — never a throw, never
 * a hang. INTERNAL (a handler that broke on input the contract accepted) is collected and reported.
 */
let app: App;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-fuzz-'));
  app = await createApp({ dataDir: dir, mode: 'demo', transport: 'test' });
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const demo = { staffId: 'demo', name: '培训员', roles: ['clerk', 'supervisor', 'maintenance'] as const };
const deep = (n: number): unknown => (n === 0 ? [] : [deep(n - 1)]);
const cyclic: Record<string, unknown> = { a: 1 };
cyclic.self = cyclic;
const malformed: unknown[] = [
  undefined,
  null,
  {},
  [],
  '',
  0,
  -1,
  Number.NaN,
  true,
  'x'.repeat(2_000_000),
  { a: 'x'.repeat(1_100_000) },
  cyclic,
  JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
  10n,
  Symbol('s'),
  () => 1,
  new Date(),
  Buffer.from('abc'),
  deep(200),
];

const internals: string[] = [];

async function call(method: string, input: unknown): Promise<void> {
  app.services.sessions.set({ ...demo, roles: [...demo.roles] });
  const r = await app.router.invoke(method, input, { session: app.services.sessions.get() });
  expect(typeof r).toBe('object');
  if (r.ok) return;
  expect(ERROR_CODES).toContain(r.error.code);
  expect(typeof r.error.message).toBe('string');
  if (r.error.code === 'INTERNAL') internals.push(method);
}

describe('router fuzzing over every method', () => {
  it('answers unknown method names with UNKNOWN_METHOD', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (name) => {
        if (typeof name === 'string' && Object.hasOwn(methods, name)) return;
        const r = await app.router.invoke(name, undefined, { session: null });
        expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      }),
      { numRuns: 200 },
    );
  });

  for (const method of Object.keys(methods)) {
    it(`${method}: malformed and random inputs → a coded result`, async () => {
      for (const input of malformed) await call(method, input);
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.anything(), fc.object(), fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean()))), (input) => call(method, input)),
        { numRuns: 25 },
      );
    });
  }

  it('refuses oversized inputs with TOO_LARGE', async () => {
    const r = await app.router.invoke('auth.signIn', { staffId: 'a', password: 'x'.repeat(1_100_000) }, { session: null });
    expect(r).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
  });

  it('no prototype pollution', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('no handler broke on input the contract accepted (INTERNAL)', () => {
    expect([...new Set(internals)]).toEqual([]);
  });
});
