import { withIdCheckChar } from '../common/domain/id-number';
import { expect, screenshotPath, test } from './host-fixture';

test.setTimeout(300_000);

test('the frame: status bar, training banner, role navigation, F1 help, English, large text', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  await expect(page.getByTestId('training-banner')).toBeVisible();
  await expect(page.getByTestId('status-clerk')).toContainText('培训员');
  await expect(page.getByTestId('device-idcard')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  // No rating keypad in training mode: ratings go to the on-screen pad, and the status bar says so.
  await expect(page.getByTestId('device-evaluator')).toContainText('屏幕评价');
  for (const name of ['窗口受理', '我的办件', '大厅看板', '运维']) await expect(page.getByRole('menuitem', { name })).toBeVisible();
  await page.screenshot({ path: screenshotPath('intake-empty') });
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: '快捷键' });
  await expect(help).toContainText('Ctrl+Enter');
  await expect(help).toContainText('读身份证');
  await page.screenshot({ path: screenshotPath('shortcut-help') });
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  // English, kept across a reload.
  await page.getByTestId('language-switch').click();
  await page.getByTitle('English').click();
  await expect(page.getByRole('menuitem', { name: 'Intake' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('menuitem', { name: 'Intake' })).toBeVisible();
  await page.getByRole('switch', { name: 'Large text' }).click();
  await expect(page.locator('html')).toHaveClass(/large-text/);
  await page.screenshot({ path: screenshotPath('intake-english-large') });
});

test('the lock hotkey hides the applicant; the password unlocks; the intake in progress survives', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  const id = withIdCheckChar('46010619900518123');
  await page.keyboard.press('F6');
  await page.keyboard.type(id);
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByTestId('intake-screen')).toHaveCount(0);
  expect(await page.content()).not.toContain(id);
  await page.screenshot({ path: screenshotPath('lock-screen') });
  await page.getByLabel('密码').fill('wrong-password');
  await page.keyboard.press('Enter');
  // The password KDF is deliberately slow (scrypt at production cost).
  await expect(page.getByRole('alert')).toBeVisible({ timeout: 60_000 });
  await page.getByLabel('密码').fill('demo');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('applicant-id-input')).toHaveValue(id, { timeout: 60_000 });
});
