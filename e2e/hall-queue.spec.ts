import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startQueueServer } from '../central/queue/queue-server';
import { expect, screenshotPath, test } from './host-fixture';
import { connectQueue } from './queue-walk';

// A real host and a real queue service; no timing is asserted.
test.setTimeout(300_000);

test('排队情况 on the dashboard: no queue system says so; with one, each window shows its ticket and waiting count', async ({ page, host }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-e2e-hall-'));
  const server = await startQueueServer({ dataDir: dir, port: 0, hall: 'HK01' });
  try {
    await page.goto(host.openUrl);
    await expect(page.getByTestId('intake-screen')).toBeVisible();
    await page.keyboard.press('Alt+3');
    await expect(page.getByTestId('hall-queue-none')).toContainText('排队系统未配置');

    await connectQueue(page, server.url);
    server.state.issue('A');
    server.state.issue('A');
    await page.keyboard.press('Alt+1');
    await expect(page.getByTestId('queue-bar')).toContainText('等候 2 人');
    await page.keyboard.press('F9');
    await expect(page.getByTestId('queue-ticket')).toHaveText('A001');

    await page.keyboard.press('Alt+3');
    const card = page.getByTestId('hall-queue');
    const row = card.getByRole('row', { name: /W03/ });
    await expect(row).toContainText('A001');
    await expect(row).toContainText('服务中');
    await expect(card.getByTestId('hall-queue-waiting')).toContainText('A 队列等候 1 人');
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('dashboard-hall-queue') });

    // The queue service goes away: the card says so in plain Chinese.
    await server.close();
    await page.getByRole('button', { name: /刷新/ }).first().click();
    await expect(card.getByTestId('hall-queue-offline')).toContainText('排队系统连不上');
  } finally {
    await server.close().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
