import { expect, screenshotPath, test } from './host-fixture';

test('the real renderer opens through the loopback host and calls app.info through the bridge', async ({ page, host }) => {
  await page.goto(host.openUrl);
  const info = await page.evaluate(() => window.yichuang.invoke('app.info'));
  expect(info).toMatchObject({ ok: true, value: { name: '一窗 Yichuang', mode: 'demo', transport: 'host', dataDir: host.dataDir } });
  // The bridge has exactly the preload's shape.
  const keys = await page.evaluate(() => Object.keys(window.yichuang).sort());
  expect(keys).toEqual(['fileUrl', 'invoke', 'invokeBytes', 'on']);
  await page.screenshot({ path: screenshotPath('foundation-start') });
});

test('the host refuses requests without the token, and from foreign origins', async ({ request, host }) => {
  const noToken = await request.post(`${host.url}/api/invoke`, { data: { method: 'app.info' } });
  expect(noToken.status()).toBe(401);
  const page = await request.get(`${host.url}/`);
  expect(page.status()).toBe(401);
  const foreign = await request.post(`${host.url}/api/invoke`, {
    data: { method: 'app.info' },
    headers: { authorization: `Bearer ${host.token}`, origin: 'http://evil.example' },
  });
  expect(foreign.status()).toBe(401);
  const ok = await request.post(`${host.url}/api/invoke`, { data: { method: 'app.info' }, headers: { authorization: `Bearer ${host.token}` } });
  expect((await ok.json()).ok).toBe(true);
});

test('the page is served with a strict CSP and no inline script', async ({ page, host }) => {
  const res = await page.goto(host.openUrl);
  const csp = res!.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("default-src 'none'");
  const inline = await page.evaluate(() => [...document.scripts].filter((s) => !s.src).length);
  expect(inline).toBe(0);
});
