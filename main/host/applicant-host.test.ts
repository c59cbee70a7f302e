import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApp, type App } from '../app/app';
import { startHost, type Host } from './server';

/** The applicant screen's own path, token, cookie, bridge and event list on the real loopback host (issue 18). */
let app: App;
let host: Host;
let dir: string;
let applicantToken: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-applicant-host-'));
  fs.mkdirSync(path.join(dir, 'renderer'));
  fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<html><head></head><body>ok</body></html>');
  app = await createApp({ dataDir: dir, mode: 'demo', transport: 'host' });
  host = await startHost({ app, rendererDir: path.join(dir, 'renderer') });
  applicantToken = new URL(host.applicantUrl).searchParams.get('token')!;
});
afterAll(async () => {
  await host?.close();
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function request(p: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: p, method: body ? 'POST' : 'GET', headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const call = (base: string, cookie: string, method: string, input?: unknown) => request(`${base}/api/invoke`, { Cookie: cookie }, JSON.stringify({ method, input }));

describe('the applicant screen on the loopback host', () => {
  it('opens with its own token into a cookie scoped to /applicant; neither token opens the other side', async () => {
    expect(applicantToken).not.toBe(host.token);
    const opened = await request(`/applicant/?token=${applicantToken}`);
    expect(opened.status).toBe(302);
    expect(String(opened.headers['set-cookie'])).toMatch(new RegExp(`^yc_applicant=${applicantToken}; HttpOnly; SameSite=Strict; Path=/applicant$`));
    expect((await request(`/applicant/?token=${host.token}`)).status).toBe(401);
    expect((await request(`/?token=${applicantToken}`)).status).toBe(401);
    // The clerk's cookie does not open the applicant API, nor the applicant's the clerk's.
    expect((await call('/applicant', `yc_token=${host.token}`, 'applicantScreen.state')).status).toBe(401);
    expect((await call('', `yc_applicant=${applicantToken}`, 'cases.list', {})).status).toBe(401);
    expect((await call('', `yc_token=${applicantToken}`, 'cases.list', {})).status).toBe(401);
  });

  it('calls as the applicant screen: its methods answer, the clerk’s and public ones are FORBIDDEN', async () => {
    const cookie = `yc_applicant=${applicantToken}`;
    expect(JSON.parse((await call('/applicant', cookie, 'applicantScreen.state')).body)).toMatchObject({ ok: true, value: { presentation: null, idle: { clerkName: '培训员' } } });
    for (const m of ['cases.list', 'app.info', 'intake.accept', 'applicantScreen.present', 'evaluator.submit'])
      expect(JSON.parse((await call('/applicant', cookie, m, {})).body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Its page gets its own bridge, pointed at /applicant.
    const page = await request('/applicant/', { Cookie: cookie });
    expect(page.body).toContain('<script src="/applicant/bridge.js">');
    expect((await request('/applicant/bridge.js', { Cookie: cookie })).body).toContain("'/applicant/api/invoke'");
  });

  it('hears only its own event, while the clerk’s window is locked too', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/applicant/events`, { headers: { Cookie: `yc_applicant=${applicantToken}` } });
    const got: string[] = [];
    ws.on('message', (m) => got.push(JSON.parse(String(m)).event));
    await new Promise((r) => ws.once('open', r));
    // Attached: the clerk's window will wait for the signature before the rating.
    await expect.poll(() => app.services.applicantScreen.attached).toBe(true);
    app.services.sessions.lock('manual');
    app.services.events.emit('app.notice', { level: 'info', code: 'x', message: '状态事件' });
    app.services.events.emit('scan', { text: 'x', symbology: 'QR', source: 'serial', device: 'd' });
    app.services.applicantScreen.refresh();
    await expect.poll(() => got).toEqual(['applicantScreen.state']);
    app.services.sessions.unlock();
    ws.close();
    await expect.poll(() => app.services.applicantScreen.attached).toBe(false);
  });
});
