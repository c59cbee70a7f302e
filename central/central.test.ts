import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, test } from 'vitest';
import { sampleCase } from '../main/sync/testing/sample-entries';
import { DEMO_ENTERPRISES, DEMO_PEOPLE } from './demo-data';
import { startCentralServer, type CentralServer } from './http/server';
import { buildOpenApi } from './openapi';
import { createEnrolmentCode } from './store/enrolment';
import { createTestDatabase, PG_SKIP_REASON, TEST_PG_URL, type TestDatabase } from './testing/postgres';

const ROOT = path.resolve(import.meta.dirname, '..');
const rating = (id: string, caseId: string, level: number) => ({ id, caseId, caseNumber: null, level, reasons: [], text: null, channel: 'screen', at: '2026-01-05T02:00:00.000Z' });

describe('the OpenAPI document', () => {
  it('is in step with the zod contract (regenerate: npx yichuang central openapi > central/openapi.json)', () => {
    const file = JSON.parse(fs.readFileSync(path.join(ROOT, 'central', 'openapi.json'), 'utf8'));
    expect(file).toEqual(JSON.parse(JSON.stringify(buildOpenApi())));
  });
});

if (!TEST_PG_URL) console.warn(PG_SKIP_REASON);

describe.each([
  { backend: 'sqlite', skip: false },
  { backend: 'postgres', skip: !TEST_PG_URL },
])('reference central server on $backend', ({ backend, skip }) => {
  let server: CentralServer;
  let pgDatabase: TestDatabase | undefined;
  let credential = '';
  const call = async (route: string, init: { method?: string; body?: unknown; token?: string | null } = {}) => {
    const token = init.token === undefined ? credential : init.token;
    const res = await fetch(`${server.url}${route}`, {
      method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
    return { status: res.status, json: (await res.json()) as any };
  };
  const item = (id: string, seq: number, aggregateId: string, kind = 'case.accepted', payload: unknown = { case: sampleCase(aggregateId, `N-${seq}`), applicant: null }) => ({
    id,
    seq,
    kind,
    v: 2,
    aggregateId,
    createdAt: new Date().toISOString(),
    payload,
  });

  beforeAll(async () => {
    if (skip) return;
    if (backend === 'postgres') pgDatabase = await createTestDatabase();
    server = await startCentralServer({
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'yc-central-')),
      databaseUrl: pgDatabase?.url,
      port: 0,
      catalogSeedDir: path.join(ROOT, 'resources', 'catalog'),
    });
    const { code } = await createEnrolmentCode(server.store.db, 'H01', 'W01');
    const r = await call('/v1/enroll', { body: { code }, token: null });
    expect(r.status).toBe(200);
    credential = r.json.credential;
  });
  afterAll(async () => {
    await server?.close();
    await pgDatabase?.drop();
  });
  const it = skip ? test.skip : test;

  it('puts the generation and server time on every answer, errors included', async () => {
    for (const r of [await call('/v1/health', { token: null }), await call('/v1/nothing'), await call('/v1/push', { body: { items: [] } }), await call('/v1/catalog', { token: 'yc1.x.y' })]) {
      expect(r.json.generation).toBe(server.store.generation);
      expect(Date.parse(r.json.serverTime)).not.toBeNaN();
    }
  });

  it('redeems an enrolment code once, even when two windows race with it', async () => {
    const { code } = await createEnrolmentCode(server.store.db, 'H01', 'W09');
    const [a, b] = await Promise.all([call('/v1/enroll', { body: { code }, token: null }), call('/v1/enroll', { body: { code }, token: null })]);
    expect([a.status, b.status].sort()).toEqual([200, 400]);
    expect([a, b].find((r) => r.status === 400)!.json.error.code).toBe('CODE_INVALID');
  });

  it('refuses a missing or forged credential with a plain message', async () => {
    expect((await call('/v1/push', { body: { items: [item('x', 1, 'c')] }, token: null })).status).toBe(401);
    const forged = credential.replace(/\.[^.]+$/, '.AAAA');
    const r = await call('/v1/push', { body: { items: [item('x', 1, 'c')] }, token: forged });
    expect(r.status).toBe(401);
    expect(r.json.error.message).toMatch(/重新注册/);
  });

  it('applies a replayed or concurrently doubled batch exactly once', async () => {
    const batch = { items: [item('k1', 1, 'case-1'), item('k2', 2, 'case-2'), item('k3', 3, 'case-1', 'rating.created', rating('r1', 'case-1', 2))] };
    const [a, b] = await Promise.all([call('/v1/push', { body: batch }), call('/v1/push', { body: batch })]);
    const statuses = [...a.json.results, ...b.json.results].map((r: { status: string }) => r.status).sort();
    expect(statuses).toEqual(['accepted', 'accepted', 'accepted', 'duplicate', 'duplicate', 'duplicate']);
    const replay = await call('/v1/push', { body: batch });
    expect(replay.json.results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    const stats = await call('/v1/admin/stats', { token: server.adminToken });
    expect(stats.json).toMatchObject({ cases: 2, ratings: 1, items: 3 });
  });

  it('answers per item: a rejected item holds back the later items of its case only', async () => {
    const r = await call('/v1/push', {
      body: {
        items: [
          item('p1', 10, 'case-9', 'rating.created', rating('r9', 'case-9', 7)),
          item('p2', 11, 'case-9'),
          item('p3', 12, 'case-8'),
          item('p4', 13, 'case-8', 'teleport', {}),
        ],
      },
    });
    expect(r.json.results.map((x: { status: string }) => x.status)).toEqual(['rejected', 'retryable', 'accepted', 'rejected']);
    expect(r.json.results[0].reason).toMatch(/「rating.created」（第 2 版）内容格式不对.*level/);
    expect(r.json.results[3].reason).toMatch(/不认识/);
  });

  it('falls back to item by item when a set-based statement fails, answering only the bad item', async () => {
    const r = await call('/v1/push', {
      body: {
        items: [
          item('f1', 20, 'case-20'),
          item('f2', 21, 'case-1', 'rating.created', rating('r1', 'case-1', 3)), // r1 was stored by another entry
          item('f3', 22, 'case-21'),
        ],
      },
    });
    expect(r.json.results.map((x: { status: string }) => x.status)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(r.json.results[1].reason).toMatch(/冲突/);
    const again = await call('/v1/push', { body: { items: [item('f1', 20, 'case-20'), item('f3', 22, 'case-21')] } });
    expect(again.json.results.map((x: { status: string }) => x.status)).toEqual(['duplicate', 'duplicate']);
  });

  it('applies several entries of one case in one batch in order (one statement never touches a case twice)', async () => {
    const entry = (id: string, seq: number, kind: string, status: string) => item(id, seq, 'case-30', kind, { case: sampleCase('case-30', 'N-30', { status: status as never }), applicant: null });
    const r = await call('/v1/push', {
      body: { items: [entry('w1', 30, 'case.accepted', 'accepted'), item('w2', 31, 'case-31'), entry('w3', 32, 'case.supplemented', 'accepted'), entry('w4', 33, 'case.withdrawn', 'withdrawn')] },
    });
    expect(r.json.results.map((x: { status: string }) => x.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    const row = await server.store.db.selectFrom('cases').select(['entries', 'payload']).where('id', '=', 'case-30').executeTakeFirstOrThrow();
    expect(row.entries).toBe(3);
    expect(JSON.parse(row.payload).case.status).toBe('withdrawn');
  });

  it('refuses a malformed batch as a whole with 400 and an oversized one with 413', async () => {
    expect((await call('/v1/push', { body: { items: [{ id: 'x' }] } })).status).toBe(400);
    const big = 'x'.repeat(5 * 1024 * 1024);
    expect((await call('/v1/push', { body: { items: [item('big', 99, 'c', 'case', { big })] } })).status).toBe(413);
  });

  it('publishes the seed catalog and pages through it by version', async () => {
    const first = await call('/v1/catalog?since=0&limit=5');
    expect(first.json.changes).toHaveLength(5);
    expect(first.json.more).toBe(true);
    expect(first.json.changes[0].entity).toBe('material');
    const rest = await call(`/v1/catalog?since=${first.json.version}&limit=5000`);
    expect(rest.json.more).toBe(false);
    expect(rest.json.changes.some((c: { entity: string }) => c.entity === 'item')).toBe(true);
    expect(rest.json.changes.some((c: { entity: string }) => c.entity === 'bundle')).toBe(true);
  });

  it('feeds case status changes of the caller hall after a cursor', async () => {
    const a = await call('/v1/admin/case-status', { body: { caseId: 'case-1', status: 'in_progress' }, token: server.adminToken });
    expect(a.status).toBe(200);
    expect((await call('/v1/admin/case-status', { body: { caseId: 'nope', status: 'in_progress' }, token: server.adminToken })).status).toBe(404);
    const feed = await call('/v1/case-status?since=0');
    expect(feed.json.changes).toMatchObject([{ caseId: 'case-1', status: 'in_progress' }]);
    expect((await call(`/v1/case-status?since=${feed.json.cursor}`)).json.changes).toEqual([]);
  });

  it('answers licence and credit look-ups from the demo data, and hall statistics', async () => {
    const lic = await call(`/v1/licences?holderId=${DEMO_PEOPLE.withLicences}`);
    expect(lic.json.licences.map((l: { name: string }) => l.name)).toContain('结婚证');
    expect((await call(`/v1/credit?subject=${DEMO_PEOPLE.creditHit}&subjectType=person`)).json.hit).toBe(true);
    expect((await call(`/v1/credit?subject=${DEMO_ENTERPRISES.creditHit}&subjectType=enterprise`)).json.hit).toBe(true);
    expect((await call(`/v1/credit?subject=${DEMO_PEOPLE.nobody}&subjectType=person`)).json.hit).toBe(false);
    const stats = await call('/v1/stats/hall');
    expect(stats.json).toMatchObject({ hall: 'H01', ratings: 1, ratingLevels: { '2': 1 } }); // the conflicting r1 was not stored twice
    expect(stats.json.cases).toBeGreaterThanOrEqual(2);
  });

  it('refuses fault injection unless started with faults allowed', async () => {
    expect((await call('/v1/admin/faults', { body: { fail500: 1 }, token: server.adminToken })).status).toBe(403);
  });
});
