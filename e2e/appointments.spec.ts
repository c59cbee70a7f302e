import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CentralProcess } from '../central/testing/central-process';
import { hallDate } from '../common/domain/hall-date';
import { expect, screenshotPath, test } from './host-fixture';
import { enrolThroughConsole } from './intake-walk';

test.setTimeout(420_000);

// The first demo card F2 places (resources/demo-cards/resident.json).
const RESIDENT = { name: '王小梅', idNumber: '460106199005180240' };
const RESIDENCE_PERMIT = '11460100008267125U00010701500001'; // 居住证申领

test('an appointment at the central is pulled; a card read shows it, Enter starts the intake with the item chosen, accept', async ({ page, host }) => {
  const central = new CentralProcess(fs.mkdtempSync(path.join(os.tmpdir(), 'yc-central-')));
  try {
    await central.start();
    // A slot that ended an hour ago would be shown late; use the whole day so the test does not depend on the clock.
    await central.admin('/v1/admin/appointments', {
      body: { appointments: [{ hall: 'HK01', window: 'W07', ...RESIDENT, phone: '13800001111', itemCode: RESIDENCE_PERMIT, itemName: '居住证申领', date: hallDate(new Date()), slotStart: '00:00', slotEnd: '23:59', code: 'YY2026E2E0001' }] },
    });
    const code = await central.enrolmentCode('HK01', 'W07');
    await enrolThroughConsole(page, host.openUrl, central.url, code);
    // The pull that enrolment's sync cycle makes brings the appointment; sync now to be sure it ran.
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('maint-pending')).toHaveText('0', { timeout: 60_000 });

    await page.keyboard.press('Alt+1');
    await expect(page.getByTestId('intake-screen')).toBeVisible();
    // 今日预约 (Ctrl+Shift+Y): the day's list with counts, the name masked, not yet arrived.
    await page.keyboard.press('Control+Shift+Y');
    const today = page.getByTestId('today-appointments');
    await expect(today.getByTestId('today-appointments-counts')).toContainText('共 1 条');
    const row = today.getByRole('row', { name: /居住证申领/ });
    await expect(row).toContainText('00:00–23:59');
    await expect(row).toContainText('未到');
    await expect(row).not.toContainText(RESIDENT.name);
    await expect(row).toContainText(RESIDENT.name[0]!);
    await page.screenshot({ path: screenshotPath('appointments-today') });
    await page.keyboard.press('Escape');
    await expect(today).toBeHidden();
    await page.keyboard.press('F2');
    const match = page.getByRole('dialog', { name: /今天有 1 条预约/ });
    await expect(match).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('appointment-item')).toHaveText('居住证申领');
    await expect(match).toContainText('YY2026E2E0001');
    await expect(match).toContainText('在预约时段内');
    await page.screenshot({ path: screenshotPath('appointment-match') });
    await page.keyboard.press('Enter');
    await expect(match).toBeHidden({ timeout: 30_000 });
    await expect(page.getByTestId('item-name')).toHaveText('居住证申领', { timeout: 30_000 });
    await expect(page.getByTestId('attached-appointment')).toContainText('YY2026E2E0001');
    await expect(page.getByTestId('applicant-id')).toContainText('*');
    await page.screenshot({ path: screenshotPath('appointment-intake') });
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('outcome')).toBeVisible({ timeout: 30_000 });
    // The check-in and the case reach the central.
    await page.keyboard.press('Alt+4');
    await page.getByRole('tab', { name: '同步' }).click();
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('maint-pending')).toHaveText('0', { timeout: 60_000 });
    const cases = (await central.admin('/v1/admin/cases')).cases as Array<{ id: string }>;
    expect(cases).toHaveLength(1);
  } finally {
    await central.kill();
    fs.rmSync(central.dataDir, { recursive: true, force: true });
  }
});
