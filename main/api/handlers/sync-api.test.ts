import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../../central/demo-data';
import { startCentralServer, type CentralServer } from '../../../central/http/server';
import { createEnrolmentCode } from '../../../central/store/enrolment';
import { createApp, type App } from '../../app/app';
import { enqueueOutbox } from '../../db/outbox';
import { acceptedEntry } from '../../sync/testing/sample-entries';

let central: CentralServer;
let app: App;
const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-sync-api-'));
  dirs.push(d);
  return d;
};
function ok<T = any>(r: { ok: boolean; value?: unknown; error?: unknown }): T {
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

beforeAll(async () => {
  central = await startCentralServer({ dataDir: tmp(), port: 0 });
  app = await createApp({ dataDir: tmp(), mode: 'demo', transport: 'test' });
});
afterAll(async () => {
  await app.close();
  await central.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('sync through the router', () => {
  it('an unenrolled window works offline: status says so, look-ups answer "not checked"', async () => {
    expect(ok(await app.invoke('sync.status', undefined))).toMatchObject({ enrolled: false, state: 'unenrolled' });
    const credit = ok(await app.invoke('lookups.credit', { subject: DEMO_PEOPLE.creditHit, subjectType: 'person' }));
    expect(credit).toMatchObject({ checked: false, queued: true });
    const bad = await app.invoke('sync.enroll', { centralUrl: central.url, code: 'WRONGCODE' });
    expect(bad.ok).toBe(false);
  });

  it('enrols, drains with sync.progress and sync.state events, and re-checks the queued look-up', async () => {
    const events: string[] = [];
    app.services.events.subscribe((name) => events.push(name));
    const { code } = await createEnrolmentCode(central.store.db, 'H01', 'W07');
    expect(ok(await app.invoke('sync.enroll', { centralUrl: `${central.url}/`, code }))).toMatchObject({ hall: 'H01', window: 'W07' });
    await app.services.database.db.transaction().execute((trx) => enqueueOutbox(trx, acceptedEntry('c-1', 'H01-W07-20260105-0001')));
    const run = ok(await app.invoke('sync.runNow', undefined));
    expect(run).toMatchObject({ ok: true, error: null, status: { pending: 0, parked: 0, lookupsQueued: 0, enrolled: true } });
    expect(events).toContain('sync.progress');
    expect(events).toContain('sync.state');
    expect(ok(await app.invoke('sync.parked', undefined))).toEqual([]);
    expect(ok(await app.invoke('lookups.licences', { holderId: DEMO_PEOPLE.withLicences })).licences.length).toBeGreaterThan(0);
    expect(ok(await app.invoke('sync.hallStats', {}))).toMatchObject({ hall: 'H01', cases: 1, windows: [{ window: 'W07', pending: 0, parked: 0 }] });
  });
});
