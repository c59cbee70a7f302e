import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CentralProcess } from '../central/testing/central-process';
import { expect, screenshotPath, test } from './host-fixture';
import { acceptWithOneDeferred } from './intake-walk';

test.setTimeout(420_000);

test('(b) with the central server stopped the case is accepted offline, the backlog shows, and it syncs when the central returns', async ({ page, host }) => {
  const central = new CentralProcess(fs.mkdtempSync(path.join(os.tmpdir(), 'yc-central-')));
  try {
    await central.start();
    const code = await central.enrolmentCode('HK01', 'W07');
    await page.goto(host.openUrl);
    await expect(page.getByTestId('intake-screen')).toBeVisible();
    // Enrolment through the maintenance console. The first hotkey can land before the app's key
    // handlers are attached on a slow start, so press until the console shows.
    await expect(async () => {
      await page.keyboard.press('Alt+4');
      await expect(page.getByRole('tab', { name: '同步' })).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await page.getByRole('tab', { name: '同步' }).click();
    await page.getByLabel('省平台地址').fill(central.url);
    await page.getByLabel('注册码').fill(code);
    await page.getByRole('button', { name: '注册' }).click();
    await expect(page.getByText('注册成功')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('status-window')).toContainText('W07');
    // The central platform goes away; the window keeps working.
    await central.kill();
    await page.keyboard.press('Alt+1');
    const caseNumber = await acceptWithOneDeferred(page);
    await page.keyboard.press('F9');
    const status = page.getByTestId('sync-status');
    await expect(status).not.toHaveAttribute('data-pending', '0', { timeout: 60_000 });
    await expect(status).not.toHaveAttribute('data-pending', '');
    await page.keyboard.press('Alt+2');
    await expect(page.getByTestId('case-row-number').first()).toHaveText(caseNumber);
    await expect(page.getByTestId('case-row').first().getByTestId('sync-state')).not.toHaveAttribute('data-state', 'synced');
    await page.screenshot({ path: screenshotPath('offline-backlog') });
    // The central platform returns: sync now from the console, the backlog drains.
    await central.start();
    await page.keyboard.press('Alt+4');
    await page.getByRole('tab', { name: '同步' }).click();
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('maint-pending')).toHaveText('0', { timeout: 120_000 });
    await expect(status).toHaveAttribute('data-pending', '0');
    await page.keyboard.press('Alt+2');
    await expect(page.getByTestId('case-row').first().getByTestId('sync-state')).toHaveAttribute('data-state', 'synced', { timeout: 30_000 });
  } finally {
    await central.kill();
    fs.rmSync(central.dataDir, { recursive: true, force: true });
  }
});
