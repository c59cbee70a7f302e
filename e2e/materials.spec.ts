import { PDFDocument } from 'pdf-lib';
import { sampleJpeg, samplePng } from '../main/materials/testing';
import { expect, screenshotPath, test } from './host-fixture';

test.setTimeout(300_000);

test('材料电子化: three files added to a slot by keyboard, accepted, the case shows and opens one 3-page PDF', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  await page.keyboard.press('F2');
  await expect(page.getByTestId('applicant-id')).toContainText('*', { timeout: 30_000 });
  await page.keyboard.press('F3');
  await page.keyboard.type('jzzsl');
  await expect(page.getByTestId('item-option').first()).toContainText('居住证申领');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('item-name')).toHaveText('居住证申领');

  const slot = page.getByTestId('material-files').first();
  const add = slot.getByRole('button', { name: /添加文件/ });
  // Keyboard-reachable: focus it and Enter opens the picker.
  await add.focus();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  // A phone photo larger than the target (scaled down to 200 dpi A4 in the renderer), a small scan, a PNG.
  await (await chooser).setFiles([
    { name: '身份证正面.jpg', mimeType: 'image/jpeg', buffer: sampleJpeg(2400, 3200, 1, 92) },
    { name: '身份证反面.jpg', mimeType: 'image/jpeg', buffer: sampleJpeg(800, 1100, 2) },
    { name: '户口本.png', mimeType: 'image/png', buffer: samplePng(300, 400) },
  ]);
  await expect(slot.getByTestId('material-files-summary')).toHaveAttribute('data-pages', '3', { timeout: 30_000 });
  await expect(slot.getByTestId('material-files-summary')).toContainText('3 页');
  await page.screenshot({ path: screenshotPath('materials-slot') });

  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('outcome')).toBeVisible({ timeout: 30_000 });
  const caseNumber = (await page.getByTestId('case-number').first().textContent())!.trim();

  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Alt+2');
    if (await page.getByTestId('cases-screen').isVisible()) break;
    await page.waitForTimeout(250);
  }
  await expect(page.getByTestId('cases-screen')).toBeVisible();
  await page.getByTestId('cases-screen').getByText('全部', { exact: true }).click();
  await page.getByTestId('case-row').filter({ hasText: caseNumber }).click();
  const file = page.getByTestId('case-detail').getByTestId('case-file');
  await expect(file).toHaveCount(1);
  await expect(file).toHaveAttribute('data-pages', '3');
  await expect(file).toContainText('待上传');
  await file.getByRole('button', { name: /打开/ }).click();
  const viewer = page.getByTestId('case-file-viewer');
  await expect(viewer).toBeVisible();
  await page.screenshot({ path: screenshotPath('materials-viewer') });
  // The viewer's URL serves the unsealed PDF to this signed-in window: three pages, the photo scaled to the target.
  const src = (await viewer.getAttribute('src'))!;
  const res = await page.request.get(new URL(src, host.url).toString());
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  const pdf = await PDFDocument.load(await res.body());
  expect(pdf.getPageCount()).toBe(3);
  // 2400 × 3200 px scaled into 1654 × 2339 px (fits by the short edge: 1654 × 2205), at 200 dpi.
  const first = pdf.getPage(0).getSize();
  expect(Math.round(first.width)).toBe(Math.round((1654 * 72) / 200));
  // Without the window's cookie the file is not served.
  const anonymous = await fetch(new URL(src, host.url));
  expect(anonymous.status).toBe(401);
});
