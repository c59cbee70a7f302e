import { expect, PERSON_PACE, screenshotPath, test } from './host-fixture';

test.setTimeout(300_000);

const TOKEN = 'q-secret-e2e-7f3a';

test('运维 → 设备 → 叫号: the hall queue system set by keyboard, a bad address refused in Chinese, the token saved but never shown', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  await expect(async () => {
    await page.keyboard.press('Alt+4');
    await expect(page.getByTestId('devices-panel')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  const panel = page.getByTestId('queue-settings-panel');
  await expect(panel.getByRole('radio', { name: '不接入（只接待直接来办的群众）' })).toBeChecked();

  // Keyboard only: the driver radios, then Tab to the address, Enter submits.
  await panel.getByRole('radio', { name: '不接入（只接待直接来办的群众）' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(panel.getByRole('radio', { name: '大厅排队系统' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(panel.getByTestId('queue-url')).toBeFocused();
  await page.keyboard.type('10.0.0.9:8088', PERSON_PACE);
  await page.keyboard.press('Enter');
  await expect(panel.getByText('排队系统地址必须以 http:// 或 https:// 开头，例如 http://10.0.0.9:8088。')).toBeVisible();
  // Serial without a configured caller: says what to do first, nothing can be saved.
  await panel.getByRole('radio', { name: '窗口叫号器' }).check();
  await expect(panel.getByTestId('queue-no-caller')).toContainText('还没有配置叫号器');
  await expect(panel.getByTestId('queue-save')).toBeDisabled();
  await panel.getByRole('radio', { name: '大厅排队系统' }).check();

  await panel.getByTestId('queue-url').fill('http://127.0.0.1:9');
  await panel.getByTestId('queue-url').press('Tab');
  await expect(panel.getByTestId('queue-token')).toBeFocused();
  await page.keyboard.type(TOKEN, PERSON_PACE);
  await page.keyboard.press('Enter');
  await expect(page.getByText('叫号设置已保存，立即生效。')).toBeVisible();
  // Saved: the token is in the window's settings but comes back only as "set".
  await expect(panel.getByText('已保存令牌（不显示）。留空则保持不变，填写则替换。')).toBeVisible();
  await expect(panel.getByTestId('queue-token')).toHaveValue('');
  const settingsNow = () =>
    page.evaluate(async () => {
      const r = await window.yichuang.invoke('settings.get', undefined);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    });
  const view = await settingsNow();
  expect(view.settings.queue).toEqual({ driver: 'http', url: 'http://127.0.0.1:9', token: null, callerDeviceId: null });
  expect(view.secrets).toEqual({ queueToken: true });
  expect(await page.content()).not.toContain(TOKEN);
  await page.screenshot({ path: screenshotPath('queue-settings'), fullPage: true });

  // Switching to walk-ins only keeps the address and the token for later.
  await panel.getByRole('radio', { name: '不接入（只接待直接来办的群众）' }).check();
  await panel.getByTestId('queue-save').click();
  await expect(panel.getByTestId('queue-url')).toHaveCount(0);
  await expect.poll(async () => (await settingsNow()).settings.queue).toEqual({ driver: 'none', url: 'http://127.0.0.1:9', token: null, callerDeviceId: null });
  expect((await settingsNow()).secrets).toEqual({ queueToken: true });
  await panel.getByRole('radio', { name: '大厅排队系统' }).check();
  await expect(panel.getByTestId('queue-url')).toHaveValue('http://127.0.0.1:9');
  await expect(panel.getByText('已保存令牌（不显示）')).toBeVisible();
});
