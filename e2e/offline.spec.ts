import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CentralProcess } from '../central/testing/central-process';
import { expect, screenshotPath, test } from './host-fixture';
import { acceptWithOneDeferred, enrolThroughConsole } from './intake-walk';

test.setTimeout(420_000);

test('(b) with the central server stopped the case is accepted offline, the backlog shows, and it syncs when the central returns', async ({ page, host }) => {
  const central = new CentralProcess(fs.mkdtempSync(path.join(os.tmpdir(), 'yc-central-')));
  try {
    await central.start();
    const code = await central.enrolmentCode('HK01', 'W07');
    await enrolThroughConsole(page, host.openUrl, central.url, code);
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
