import { expect, screenshotPath, test } from './host-fixture';

test.setTimeout(180_000);

test('运维 → 同步 shows the material uploads card beside the sync state', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  await page.keyboard.press('Alt+4');
  await page.getByRole('tab', { name: '同步' }).click();
  await expect(page.getByTestId('sync-panel')).toBeVisible();
  const card = page.getByTestId('uploads-card');
  await expect(card).toBeVisible();
  await expect(card).toContainText('材料文件上传');
  // Not enrolled: either the files wait here (未注册) or, before the material store is enabled, nothing to upload.
  await expect(card).toContainText(/未注册|尚未启用|已全部上传/);
  await page.screenshot({ path: screenshotPath('maintenance-uploads') });
});
