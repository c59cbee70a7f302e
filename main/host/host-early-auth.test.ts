import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EarlyInvoke } from '../api/services';
import { createApp, type App } from '../app/app';
import { startHost, type Host } from './server';

/** The host answers auth.status from auth alone while the rest of the app is built (AppOptions.onAuthReady). */
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const invoke = (host: Host, method: string) =>
  fetch(`${host.url}/api/invoke`, { method: 'POST', headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ method }) }).then(
    (r) => r.json() as Promise<{ ok: boolean; value?: { signedIn?: boolean; roles?: string[] }; error?: { code: string } }>,
  );

describe('early auth.status', () => {
  it('is called before createApp resolves, answers auth.status as the session, and nothing else', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-early-auth-'));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    let early: EarlyInvoke | null = null;
    let built = false;
    const app = await createApp({ dataDir: dir, mode: 'demo', transport: 'host', onAuthReady: (i) => void (early = built ? null : i) }).then((a) => ((built = true), a));
    cleanup.push(() => app.close());
    expect(early).not.toBeNull();
    expect(await early!('auth.status', undefined)).toEqual(await app.invoke('auth.status', undefined));
    expect(await early!('app.info', undefined)).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
  });

  it('the host answers auth.status from it while the app is not built, and the other calls once it is', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-early-auth-'));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    // The app's build held back until released: what the host does meanwhile is what is tested.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let earlyReady!: (i: EarlyInvoke) => void;
    const earlyAuth = new Promise<EarlyInvoke>((resolve) => (earlyReady = resolve));
    const appReady: Promise<App> = createApp({ dataDir: dir, mode: 'demo', transport: 'host', onAuthReady: earlyReady }).then(async (a) => (await held, a));
    cleanup.push(async () => (await appReady).close());
    const host = await startHost({ app: appReady, earlyAuth, rendererDir: path.join(dir, 'renderer') });
    cleanup.push(() => host.close());

    let infoAnswered = false;
    const info = invoke(host, 'app.info').then((r) => ((infoAnswered = true), r));
    const status = await invoke(host, 'auth.status');
    expect(status).toMatchObject({ ok: true, value: { signedIn: true, roles: ['clerk', 'supervisor', 'maintenance'] } });
    expect(infoAnswered).toBe(false);
    release();
    expect(await info).toMatchObject({ ok: true });
  });
});
