import { expect, screenshotPath, test } from './host-fixture';

test('the frame shows the status bar, training banner, role navigation and the intake screen', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await expect(page.getByTestId('status-bar')).toBeVisible();
  await expect(page.getByTestId('training-banner')).toBeVisible();
  await expect(page.getByTestId('status-clerk')).toContainText('培训员');
  for (const name of ['窗口受理', '我的办件', '大厅看板', '运维']) await expect(page.getByRole('menuitem', { name })).toBeVisible();
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  await page.screenshot({ path: screenshotPath('intake-empty') });
});

test('F1 shows the shortcut help generated from the shortcut table', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: '快捷键' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Ctrl+Enter');
  await expect(help).toContainText('读身份证');
  await page.screenshot({ path: screenshotPath('shortcut-help') });
});

test('the lock hotkey hides the screen; the demo password unlocks it', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByTestId('intake-screen')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('lock-screen') });
  await page.getByLabel('密码').fill('wrong-password');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel('密码').fill('demo');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intake-screen')).toBeVisible();
});

test('English is selectable and the choice survives a reload', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await page.getByTestId('language-switch').click();
  await page.getByTitle('English').click();
  await expect(page.getByRole('menuitem', { name: 'Intake' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('menuitem', { name: 'Intake' })).toBeVisible();
});
