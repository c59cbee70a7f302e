import fs from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startDocumentCameraSimulator } from '../native/document-camera/sim/simulator';
import { fakeCameraArgs, writeFakeCameraY4m } from './fake-camera';
import { CHROMIUM_ARGS } from '../playwright.config';
import { acceptAndOpenCaseFile } from './case-files';
import { readCardAndPickItem } from './intake-walk';
import { expect, screenshotPath, test } from './host-fixture';

// Each test starts a host and its own Chromium (the fake-camera flags are per browser). No timing is asserted.
test.setTimeout(300_000);

const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function openApp(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  return page;
}

/** Space once, then wait for the page to land (pages are counted in the slot's list). */
async function shoot(page: Page, expected: number): Promise<void> {
  await page.keyboard.press('Space');
  await expect(page.getByTestId('capture-page')).toHaveCount(expected, { timeout: 60_000 });
}

test('UVC (Chromium fake camera): F7 opens the camera for the slot, Space captures 3 pages, R rotates one, Esc keeps them in the slot', async ({ host }) => {
  const cam = writeFakeCameraY4m();
  const browser = await chromium.launch({ executablePath: EXECUTABLE, args: fakeCameraArgs(cam.file) });
  try {
    const page = await openApp(browser, host.openUrl);
    await readCardAndPickItem(page);
    await page.keyboard.press('F7');
    const dialog = page.getByTestId('capture-dialog');
    await expect(dialog).toBeVisible();
    // The fake camera plays the y4m at its own size: the largest the "device" offers.
    await expect(page.getByTestId('capture-resolution')).toContainText(`${cam.width}×${cam.height}`);
    await expect(page.getByTestId('capture-preview')).toBeVisible();
    for (const n of [1, 2, 3]) await shoot(page, n);
    // Edge detection found the page on the desk: every page is cropped to it by default.
    await expect(page.locator('[data-testid=capture-page][data-cropped=yes]')).toHaveCount(3);
    // Each page is the whole frame at the camera's own size (within the 200 dpi target: not scaled).
    await expect(page.locator(`[data-testid=capture-page][data-pixels="${cam.width}x${cam.height}"]`)).toHaveCount(3);
    await expect(page.getByTestId('capture-summary')).toContainText('共 3 页');
    // The last page is selected; ↑ selects the second, R turns it a quarter clockwise.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('r');
    await expect(page.getByTestId('capture-page').nth(1)).toHaveAttribute('data-rotation', '90');
    await expect(page.getByTestId('capture-page').nth(1)).toContainText('已旋转 90°');
    // Alt+↑ moves it to the front; C undoes its automatic crop.
    await page.keyboard.press('Alt+ArrowUp');
    await expect(page.getByTestId('capture-page').nth(0)).toHaveAttribute('data-rotation', '90');
    await page.keyboard.press('c');
    await expect(page.getByTestId('capture-page').nth(0)).toHaveAttribute('data-cropped', 'no');
    await page.keyboard.press('c');
    await expect(page.getByTestId('capture-page').nth(0)).toHaveAttribute('data-cropped', 'yes');
    await page.screenshot({ path: screenshotPath('capture-uvc-dialog') });
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    const slot = page.getByTestId('material-row').first();
    await expect(slot.getByTestId('material-files-summary')).toHaveAttribute('data-pages', '3');
    await page.screenshot({ path: screenshotPath('capture-uvc-slot') });
    // The shortcut help lists the camera's keys.
    await page.keyboard.press('F1');
    await expect(page.getByTestId('shortcut-help')).toContainText('打开高拍仪（当前材料）');
    await expect(page.getByTestId('shortcut-help')).toContainText('F7');
    await page.screenshot({ path: screenshotPath('capture-shortcuts') });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('shortcut-help')).toBeHidden();
    // Accepted: the case holds one PDF of the three pages, the rotated one first, turned a quarter.
    const { file, pdf } = await acceptAndOpenCaseFile(page, host);
    await expect(file).toHaveAttribute('data-pages', '3');
    expect(pdf.getPageCount()).toBe(3);
    expect(pdf.getPages().map((p) => p.getRotation().angle)).toEqual([90, 0, 0]);
    // The automatic crop is the page's crop box: the A4 page stands upright, the landscape frame's desk is cut off.
    const page1 = pdf.getPage(1);
    const box = page1.getCropBox();
    expect(box.height).toBeGreaterThan(box.width);
    await page.screenshot({ path: screenshotPath('capture-uvc-case') });
  } finally {
    await browser.close();
    fs.rmSync(cam.file, { force: true });
  }
});

test('vendor service (simulator): chosen in 运维 → 设备, previews its frames, captures, Delete removes a page', async ({ host }) => {
  const sim = await startDocumentCameraSimulator({ dialect: 'liangtian', fps: 10 });
  const browser = await chromium.launch({ executablePath: EXECUTABLE, args: CHROMIUM_ARGS });
  try {
    const page = await openApp(browser, host.openUrl);
    await page.keyboard.press('Alt+4');
    await page.getByRole('tab', { name: '设备' }).click();
    const panel = page.getByTestId('document-camera-panel');
    await panel.getByTestId('camera-backend').getByText('厂商服务').click();
    await panel.getByLabel('服务协议').click();
    await page.getByTitle('良田/科密风格（FuncName 协议）').click();
    await panel.getByTestId('camera-url').fill(sim.url);
    await panel.getByTestId('camera-save').click();
    await expect(page.getByText('高拍仪设置已保存')).toBeVisible();
    await panel.getByTestId('camera-test').click();
    await expect(page.getByText('拍照成功：2592×1944')).toBeVisible();
    await page.screenshot({ path: screenshotPath('capture-vendor-settings') });
    await page.keyboard.press('Alt+1');
    await expect(page.getByTestId('intake-screen')).toBeVisible();
    await readCardAndPickItem(page);
    await page.getByTestId('open-camera').first().click();
    await expect(page.getByTestId('capture-resolution')).toContainText('厂商服务 · 2592×1944');
    await expect(page.getByTestId('capture-preview')).toBeVisible();
    await shoot(page, 1);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('capture-page')).toHaveCount(2, { timeout: 60_000 });
    await expect(page.getByTestId('capture-page').first()).toContainText('KB');
    await page.screenshot({ path: screenshotPath('capture-vendor-dialog') });
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('capture-page')).toHaveCount(1);
    expect(sim.captures).toBe(3); // the maintenance test capture and two pages
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('material-row').first().getByTestId('material-files-summary')).toHaveAttribute('data-pages', '1');
  } finally {
    await browser.close();
    await sim.close();
  }
});
