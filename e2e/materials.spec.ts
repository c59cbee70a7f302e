import { sampleJpeg, samplePng } from '../main/materials/testing';
import { acceptAndOpenCaseFile } from './case-files';
import { readCardAndPickItem } from './intake-walk';
import { expect, screenshotPath, test } from './host-fixture';

test.setTimeout(300_000);

test('材料电子化: three files added to a slot by keyboard, accepted, the case shows and opens one 3-page PDF', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  await readCardAndPickItem(page);

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

  const { file, src, pdf } = await acceptAndOpenCaseFile(page, host);
  await expect(file).toHaveAttribute('data-pages', '3');
  await expect(file).toContainText('待上传');
  await page.screenshot({ path: screenshotPath('materials-viewer') });
  // The viewer's URL serves the unsealed PDF to this signed-in window: three pages, the photo scaled to the target.
  expect(pdf.getPageCount()).toBe(3);
  // 2400 × 3200 px scaled into 1654 × 2339 px (fits by the short edge: 1654 × 2205), at 200 dpi.
  const first = pdf.getPage(0).getSize();
  expect(Math.round(first.width)).toBe(Math.round((1654 * 72) / 200));
  // Without the window's cookie the file is not served.
  const anonymous = await fetch(new URL(src, host.url));
  expect(anonymous.status).toBe(401);
});
