import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startQueueServer, type QueueServer } from '../../../central/queue/queue-server';
import type { App } from '../app';
import { testApp, type Opened } from '../testing';
import { samplePerson } from '../../intake/testing';

/** Queue test helpers (here, under app/testing/, because they start a whole app and the reference queue service). The reference queue service on 127.0.0.1 in its own temp folder, closed with the test's other things. */
export async function testQueueServer(opened: Opened): Promise<QueueServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-queue-'));
  const server = await startQueueServer({ dataDir: dir, port: 0, hall: 'HK01' });
  opened.push({ close: () => server.close().then(() => fs.rmSync(dir, { recursive: true, force: true })) });
  return server;
}

/** A training-mode app (a staff member with every role) as window W03 of hall HK01. */
export async function queueApp(opened: Opened): Promise<App> {
  const app = await testApp(opened, 'demo');
  app.services.settings.update({ hall: { code: 'HK01' }, window: { code: 'W03' } });
  return app;
}

export function ok<T>(r: { ok: boolean; value?: unknown; error?: unknown }): T {
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** Accepts one case for the sample applicant with every material received. */
export async function acceptSample(app: App): Promise<{ caseId: string; caseNumber: string }> {
  const item = ok<{ items: Array<{ code: string }> }>(await app.invoke('catalog.search', { q: '社会保障卡', limit: 1 })).items[0]!;
  const detail = ok<{ materials: Array<{ code: string }> }>(await app.invoke('catalog.item', { code: item.code }));
  return ok(await app.invoke('intake.accept', { itemCode: item.code, applicant: samplePerson, materials: detail.materials.map((m) => ({ code: m.code, state: 'received' })) }));
}

export async function until(cond: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
