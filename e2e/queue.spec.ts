import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startQueueServer, type QueueServer } from '../central/queue/queue-server';
import { expect, screenshotPath, test } from './host-fixture';
import { readCardAndPickItem } from './intake-walk';
import { connectQueue } from './queue-walk';

// The machine is shared; these walks start a real host and take a while. No timing is asserted.
test.setTimeout(300_000);

let server: QueueServer;
let dir: string;
test.beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-e2e-queue-'));
  server = await startQueueServer({ dataDir: dir, port: 0, hall: 'HK01' });
});
test.afterEach(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('F9 calls a ticket, it shows; the accepted case carries it; recall and pass from the keyboard', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  await connectQueue(page, server.url);
  server.state.issue('A');
  server.state.issue('A');
  const bar = page.getByTestId('queue-bar');
  await expect(bar).toBeVisible();
  await expect(bar).toContainText('等候 2 人');
  await expect(page.getByTestId('queue-ticket-none')).toBeVisible();

  await page.keyboard.press('F9');
  await expect(page.getByTestId('queue-ticket')).toHaveText('A001');
  await expect(page.getByTestId('queue-wait')).toContainText('已等候');
  await expect(bar).toContainText('等候 1 人');
  await page.screenshot({ path: screenshotPath('queue-called') });

  // Serve A001: read the demo card, pick the item, accept.
  await readCardAndPickItem(page);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('outcome')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('queue-ticket')).toHaveText('A001');
  const caseNumber = (await page.getByTestId('case-number').first().textContent())!.trim();
  const carried = await page.evaluate(async (n) => {
    const r = await window.yichuang.invoke('cases.list', { q: n, limit: 1 });
    if (!r.ok) throw new Error(r.error.message);
    const status = await window.yichuang.invoke('queue.status', undefined);
    if (!status.ok) throw new Error(status.error.message);
    return { found: r.value.cases.length, caseCount: status.value.current?.caseCount };
  }, caseNumber);
  expect(carried).toEqual({ found: 1, caseCount: 1 });
  await page.screenshot({ path: screenshotPath('queue-case-accepted') });

  // 重呼 (F10) on the hall's queue, then F9 for the next applicant: A002.
  await page.keyboard.press('F10');
  await expect(page.getByTestId('queue-wait')).toContainText('重呼 1 次');
  expect(server.state.window('W03').current?.recalls).toBe(1);
  await page.keyboard.press('F9');
  await expect(page.getByTestId('queue-ticket')).toHaveText('A002');
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  // 过号 (Shift+F10): nobody came for A002.
  await page.keyboard.press('Shift+F10');
  await expect(page.getByTestId('queue-ticket-none')).toBeVisible();
  expect(server.state.windows().find((w) => w.window === 'W03')?.current).toBeNull();
  await page.screenshot({ path: screenshotPath('queue-passed') });
});

test('the queue service down: the bar says so in plain Chinese and intake goes on', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  await connectQueue(page, server.url);
  await expect(page.getByTestId('queue-bar')).toContainText('等候 0 人');
  await server.close();
  await page.keyboard.press('F9');
  await expect(page.getByTestId('queue-offline')).toContainText('排队系统连不上');
  await expect(page.getByTestId('queue-offline')).toContainText('可以继续接待未取号的群众');
  await page.keyboard.press('F3');
  await page.keyboard.type('jzzsl');
  await expect(page.getByTestId('item-option').first()).toContainText('居住证申领');
  await page.screenshot({ path: screenshotPath('queue-offline') });
});

test('the window caller chosen but not filled in: the bar says what to fill in and where', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  await page.evaluate(async () => {
    const r = await window.yichuang.invoke('settings.update', { patch: { queue: { driver: 'serial', callerDeviceId: null } } });
    if (!r.ok) throw new Error(r.error.message);
  });
  const missing = page.getByTestId('queue-missing');
  await expect(missing).toContainText('运维 → 设备');
  await expect(missing).toContainText('“叫号”中选择它');
  // No keys that cannot work: F9 stays with intake, nothing is called.
  await expect(page.getByTestId('queue-next')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('queue-missing-caller') });
});
