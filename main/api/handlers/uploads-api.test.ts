import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../common/contract';
import { startCentralServer, type CentralServer } from '../../../central/http/server';
import { createEnrolmentCode } from '../../../central/store/enrolment';
import { createApp, type App } from '../../app/app';
import { nextEvent, ok } from '../../app/testing';
import { tempDir } from '../../sync/testing/window-fixture';
import { createUploads } from '../../uploads/module';
import { FolderSource } from '../../uploads/testing/folder-source';

let central: CentralServer;
let app: App;
let source: FolderSource;
const dirs: string[] = [];
const tmp = () => {
  dirs.push(tempDir('uploads-api'));
  return dirs.at(-1)!;
};

beforeAll(async () => {
  central = await startCentralServer({ dataDir: tmp(), port: 0 });
  app = await createApp({ dataDir: tmp(), mode: 'demo', transport: 'test' });
  // The uploads subsystem on a plain folder of blobs (the material store's own tests cover its side).
  source = new FolderSource(tmp());
  const built = createUploads({ database: app.services.database, source, events: app.services.events, scheduled: false, chunkSize: 64 * 1024 });
  app.onClose(async () => built.close());
  app.services.uploads = built.service;
});
afterAll(async () => {
  await app.close();
  await central.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('uploads through the router', () => {
  it('status: an unenrolled window keeps its files and says so', async () => {
    source.add(crypto.randomBytes(300_000), { caseId: 'case-1', materialCode: 'M01' });
    expect(ok(await app.invoke('uploads.status', undefined))).toMatchObject({ state: 'unenrolled', pendingBlobs: 1, pendingBytes: 300_000, current: null });
  });

  it('retry is audited; a pass sends uploads.progress and uploads.state, then nothing is pending', async () => {
    const { code } = await createEnrolmentCode(central.store.db, 'H01', 'W09');
    ok(await app.invoke('sync.enroll', { centralUrl: central.url, code }));
    await app.services.database.db
      .insertInto('upload_state')
      .values({ sha256: (await source.pending())[0]!.sha256, size: 300_000, upload_url: null, acked_bytes: 0, attempts: 4, last_error: '网络不通', next_attempt_at: '2099-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' })
      .execute();
    expect(ok(await app.invoke('uploads.status', undefined))).toMatchObject({ state: 'retrying', failing: 1, lastError: '网络不通', nextRetryAt: '2099-01-01T00:00:00Z' });
    const retried = ok<{ due: number; status: { blobs: unknown[] } }>(await app.invoke('uploads.retry', undefined));
    expect(retried.due).toBe(1);
    expect(retried.status.blobs[0]).toMatchObject({ attempts: 0, nextAttemptAt: null });
    const audit = await app.services.database.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'uploads.retry').execute();
    expect(audit).toEqual([{ action: 'uploads.retry', detail: JSON.stringify({ due: 1 }) }]);

    const seen: Array<[EventName, any]> = [];
    app.services.events.subscribe((name, payload) => seen.push([name, payload]));
    const state = nextEvent(app, 'uploads.state');
    expect(await app.services.uploads.uploader.runOnce()).toMatchObject({ confirmed: 1, remaining: 0 });
    const progress = seen.filter(([n]) => n === 'uploads.progress').map(([, p]) => p);
    expect(progress.at(-1)).toMatchObject({ caseId: 'case-1', materialCode: 'M01', sent: 300_000, total: 300_000 });
    expect(await state).toMatchObject({ state: 'idle', pendingBlobs: 0 });
    expect(ok(await app.invoke('uploads.status', undefined))).toMatchObject({ state: 'idle', pendingBlobs: 0, failing: 0 });
  });
});
