import type { Page } from '@playwright/test';
import { sampleJpeg } from '../main/materials/testing';
import { expect, screenshotPath } from './host-fixture';

/**
 * The intake walk by keyboard only: F2 reads the demo card, F3 searches by pinyin initials, one
 * material is set to 容缺 with the keyboard, Ctrl+Enter accepts, Ctrl+Enter confirms the
 * commitment. Returns the case number on the notice.
 */
export async function acceptWithOneDeferred(page: Page, opts: { screenshots?: boolean } = {}): Promise<string> {
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  await page.keyboard.press('F2');
  await expect(page.getByTestId('applicant-id')).toContainText('*', { timeout: 30_000 });
  if (opts.screenshots) await page.screenshot({ path: screenshotPath('intake-card-read') });
  await page.keyboard.press('F3');
  await page.keyboard.type('jzzsl');
  await expect(page.getByTestId('item-option').first()).toContainText('居住证申领');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('item-name')).toHaveText('居住证申领');
  const deferRadio = page.getByRole('radio', { name: '容缺' }).first();
  await deferRadio.focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('defer-deadline')).toBeVisible();
  await expect(page.getByTestId('promised-date')).toBeVisible();
  if (opts.screenshots) await page.screenshot({ path: screenshotPath('intake-filled') });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('commitment')).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('outcome')).toBeVisible({ timeout: 30_000 });
  const caseNumber = (await page.getByTestId('case-number').first().textContent())!.trim();
  expect(caseNumber).toMatch(/-\d{8}-\d+$/);
  await expect(page.frameLocator('[data-testid=notice-frame]').locator('body')).toContainText(caseNumber);
  return caseNumber;
}

/** Accepts a case through the API (setup for suites that test something else), returns its id. */
export async function acceptViaApi(page: Page, itemQuery = 'jzzsl'): Promise<{ caseId: string; caseNumber: string }> {
  return page.evaluate(async (q) => {
    const unwrap = <T,>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const items = unwrap(await window.yichuang.invoke('catalog.search', { q, limit: 1 }));
    const item = unwrap(await window.yichuang.invoke('catalog.item', { code: items.items[0]!.code }));
    const r = unwrap(
      await window.yichuang.invoke('intake.accept', {
        itemCode: item.code,
        applicant: { kind: 'person', idType: 'resident', idNumber: '11010519491231002X', name: '测试人' },
        materials: item.materials.map((m) => ({ code: m.code, state: 'received' as const })),
      }),
    );
    return { caseId: r.caseId, caseNumber: r.caseNumber };
  }, itemQuery);
}

/**
 * Opens the app and enrols it with the central through the maintenance console. The first hotkey can
 * land before the app's key handlers are attached on a slow start, so it presses until the console shows.
 */
export async function enrolThroughConsole(page: Page, openUrl: string, centralUrl: string, code: string): Promise<void> {
  await page.goto(openUrl);
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  await expect(async () => {
    await page.keyboard.press('Alt+4');
    await expect(page.getByRole('tab', { name: '同步' })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await page.getByRole('tab', { name: '同步' }).click();
  await page.getByLabel('省平台地址').fill(centralUrl);
  await page.getByLabel('注册码').fill(code);
  await page.getByRole('button', { name: '注册' }).click();
  await expect(page.getByText('注册成功')).toBeVisible({ timeout: 30_000 });
}

/** F2 reads the demo card, F3 and the initials find 居住证申领, Enter picks it: the checklist shows its materials. */
export async function readCardAndPickItem(page: Page): Promise<void> {
  await page.keyboard.press('F2');
  await expect(page.getByTestId('applicant-id')).toContainText('*', { timeout: 30_000 });
  await page.keyboard.press('F3');
  await page.keyboard.type('jzzsl');
  await expect(page.getByTestId('item-option').first()).toContainText('居住证申领');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('item-name')).toHaveText('居住证申领');
}

/** Adds one photo to the first material's slot by its file button (Enter); returns that material's code. */
export async function stageOnePage(page: Page): Promise<string> {
  const slot = page.getByTestId('material-files').first();
  const code = (await slot.getAttribute('data-code'))!;
  const chooser = page.waitForEvent('filechooser');
  await slot.getByRole('button', { name: /添加文件/ }).focus();
  await page.keyboard.press('Enter');
  await (await chooser).setFiles([{ name: '身份证.jpg', mimeType: 'image/jpeg', buffer: sampleJpeg(800, 1100, 3) }]);
  await expect(slot.getByTestId('material-files-summary')).toHaveAttribute('data-pages', '1', { timeout: 30_000 });
  return code;
}
