import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createApp, type App } from '../app/app';
import { sampleCardRead } from '../app/testing';
import { rendererMayReceive } from '../auth/event-gate';
import { startHost, type Host } from './server';

/** The real loopback host on 127.0.0.1: token, cookie, Origin and binding checks. */
let app: App;
let host: Host;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-host-'));
  fs.mkdirSync(path.join(dir, 'renderer'));
  fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<html><head></head><body>ok</body></html>');
  fs.mkdirSync(path.join(dir, 'renderer', 'assets'));
  fs.writeFileSync(path.join(dir, 'renderer', 'assets', 'index-AbCd1234.js'), 'export {};');
  fs.writeFileSync(path.join(dir, 'renderer', 'favicon.ico'), '');
  app = await createApp({ dataDir: dir, mode: 'demo', transport: 'host' });
  host = await startHost({ app, rendererDir: path.join(dir, 'renderer') });
});
afterAll(async () => {
  await host?.close();
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(opts: { path: string; method?: string; headers?: Record<string, string>; body?: string; host?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: opts.host ?? '127.0.0.1', port: host.port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const invokeBody = JSON.stringify({ method: 'app.info' });
const json = { 'Content-Type': 'application/json' };

describe('loopback host security', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}`);
    const ifaces = Object.values(os.networkInterfaces()).flat().filter((i) => i && i.family === 'IPv4' && !i.internal);
    for (const i of ifaces) await expect(request({ path: '/healthz', host: i!.address })).rejects.toThrow();
  });

  it('refuses the API and the page without the token', async () => {
    expect((await request({ path: '/api/invoke', method: 'POST', headers: json, body: invokeBody })).status).toBe(401);
    expect((await request({ path: '/' })).status).toBe(401);
    expect((await request({ path: '/api/invoke', method: 'POST', headers: { ...json, Authorization: 'Bearer wrong' }, body: invokeBody })).status).toBe(401);
    expect((await request({ path: '/?token=wrong' })).status).toBe(401);
  });

  it('turns ?token= into an HttpOnly SameSite=Strict cookie and redirects without it', async () => {
    const r = await request({ path: `/?token=${host.token}` });
    expect(r.status).toBe(302);
    expect(r.headers.location).toBe('/');
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await request({ path: '/', headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it('accepts the Bearer token from the same origin, refuses any other Origin', async () => {
    const auth = { ...json, Authorization: `Bearer ${host.token}` };
    const ok = await request({ path: '/api/invoke', method: 'POST', headers: { ...auth, Origin: host.url }, body: invokeBody });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true });
    for (const origin of ['http://evil.example', 'http://localhost:' + host.port, 'null', `http://127.0.0.1:${host.port + 1}`]) {
      const r = await request({ path: '/api/invoke', method: 'POST', headers: { ...auth, Origin: origin }, body: invokeBody });
      expect(r.status, origin).toBe(401);
    }
  });

  it('refuses a WebSocket from a foreign Origin or without the token', async () => {
    const wsUrl = `ws://127.0.0.1:${host.port}/events`;
    const outcome = (headers: Record<string, string>) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(wsUrl, { headers });
        ws.on('open', () => {
          ws.close();
          resolve('open');
        });
        ws.on('error', () => resolve('refused'));
        ws.on('unexpected-response', () => resolve('refused'));
      });
    expect(await outcome({ Authorization: `Bearer ${host.token}`, Origin: host.url })).toBe('open');
    expect(await outcome({ Origin: host.url })).toBe('refused');
    expect(await outcome({ Authorization: `Bearer ${host.token}`, Origin: 'http://evil.example' })).toBe('refused');
  });

  it('refuses oversized bodies and malformed JSON with coded errors', async () => {
    const auth = { ...json, Authorization: `Bearer ${host.token}` };
    const big = await request({ path: '/api/invoke', method: 'POST', headers: auth, body: 'x'.repeat(3 * 1024 * 1024) });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    const bad = await request({ path: '/api/invoke', method: 'POST', headers: auth, body: '{not json' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('pushes no applicant data while locked, never the raw card identity, and status events always', async () => {
    const got: string[] = [];
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/events`, { headers: { Authorization: `Bearer ${host.token}`, Origin: host.url } });
    await new Promise((r) => ws.once('open', r));
    ws.on('message', (d) => {
      const { event, payload } = JSON.parse(String(d)) as { event: string; payload: { text?: string } };
      got.push(`${event}:${payload.text ?? ''}`);
    });
    const scan = (text: string) => app.services.events.emit('scan', { text, symbology: 'QR', source: 'wedge', device: 'keyboard' });
    scan('unlocked-1');
    await app.services.auth.lock('hotkey');
    scan('locked-1');
    await app.services.auth.unlock('demo');
    scan('unlocked-2');
    await vi.waitFor(() => expect(got).toContain('scan:unlocked-2'));
    ws.close();
    expect(got.filter((g) => g.startsWith('scan:'))).toEqual(['scan:unlocked-1', 'scan:unlocked-2']);
    expect(got.filter((g) => g.startsWith('auth.state'))).toHaveLength(2);
    expect(rendererMayReceive('card.read', app.services.sessions)).toBe(false);
    expect(rendererMayReceive('intake.applicant', app.services.sessions)).toBe(true);
    app.services.sessions.set(null);
    expect(rendererMayReceive('intake.applicant', app.services.sessions)).toBe(false);
    expect(rendererMayReceive('device.status', app.services.sessions)).toBe(true);
    await app.services.auth.signIn('demo', 'demo');
  });

  it('never pushes an internal event: card.read (the full identity) stays on main\'s internal bus', async () => {
    const got: string[] = [];
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/events`, { headers: { Authorization: `Bearer ${host.token}`, Origin: host.url } });
    await new Promise((r) => ws.once('open', r));
    ws.on('message', (d) => got.push(String(d)));
    let heardInMain = 0;
    const off = app.internal.on('card.read', () => heardInMain++);
    app.internal.emit('card.read', sampleCardRead('460100198512310014'));
    off();
    // A renderer event sent after it: once it arrives, anything sent before it has arrived too.
    app.services.events.emit('scan', { text: 'after-card', symbology: 'QR', source: 'wedge', device: 'keyboard' });
    await vi.waitFor(() => expect(got.some((m) => m.includes('after-card'))).toBe(true));
    ws.close();
    expect(heardInMain).toBe(1);
    expect(got.some((m) => m.includes('card.read'))).toBe(false);
    expect(got.some((m) => m.includes('460100198512310014') || m.includes('邢少华'))).toBe(false);
    // The gate both transports use passes only names of the renderer contract.
    expect(rendererMayReceive('card.read', app.services.sessions)).toBe(false);
    expect(rendererMayReceive('not.an.event', app.services.sessions)).toBe(false);
  });

  it('lets the browser keep the hashed build files for good, never the page, nor the files outside assets/', async () => {
    const auth = { Authorization: `Bearer ${host.token}` };
    const asset = await request({ path: '/assets/index-AbCd1234.js', headers: auth });
    expect([asset.status, asset.headers['cache-control']]).toEqual([200, 'public, max-age=31536000, immutable']);
    expect((await request({ path: '/', headers: auth })).headers['cache-control']).toBe('no-store');
    // A missing asset is the page (the client-side route fallback), so it is not kept either.
    expect((await request({ path: '/assets/gone-1234.js', headers: auth })).headers['cache-control']).toBe('no-store');
    expect((await request({ path: '/favicon.ico', headers: auth })).headers['cache-control']).toBeUndefined();
    // Still behind the token.
    expect((await request({ path: '/assets/index-AbCd1234.js' })).status).toBe(401);
  });

  it('does not serve files outside the renderer folder', async () => {
    const r = await request({ path: '/..%2f..%2fyichuang.db', headers: { Authorization: `Bearer ${host.token}` } });
    expect(r.body).not.toContain('SQLite format');
  });
});
