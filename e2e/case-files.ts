import type { Locator, Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { expect, type RunningHost } from './host-fixture';

/**
 * Ctrl+Enter accepts the intake on screen; then 我的办件 → the case → its one material file, opened
 * in the viewer. Returns the file's row, the viewer's URL and the PDF it serves.
 */
export async function acceptAndOpenCaseFile(page: Page, host: RunningHost): Promise<{ file: Locator; src: string; pdf: PDFDocument }> {
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('outcome')).toBeVisible({ timeout: 30_000 });
  const caseNumber = (await page.getByTestId('case-number').first().textContent())!.trim();
  // A press before the frame registered its hotkeys is lost: press until the screen shows.
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
  await file.getByRole('button', { name: /打开/ }).click();
  const viewer = page.getByTestId('case-file-viewer');
  await expect(viewer).toBeVisible();
  const src = (await viewer.getAttribute('src'))!;
  const res = await page.request.get(new URL(src, host.url).toString());
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  return { file, src, pdf: await PDFDocument.load(await res.body()) };
}
