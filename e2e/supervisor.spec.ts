import { expect, screenshotPath, test } from './host-fixture';
import { acceptViaApi } from './intake-walk';

test.setTimeout(300_000);

test('(d) the supervisor sees a bad rating in the queue and closes the rectification', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  // Setup through the API: a case with a 非常不满意 rating opens a rectification task.
  const { caseId, caseNumber } = await acceptViaApi(page);
  const rated = await page.evaluate(
    (id) => window.yichuang.invoke('reviews.rate', { caseId: id, level: 5, reasons: ['等候时间长'], channel: 'screen' }),
    caseId,
  );
  expect(rated.ok).toBe(true);
  await page.keyboard.press('Alt+3');
  const queue = page.getByTestId('rectification-queue');
  await expect(queue).toContainText(caseNumber);
  await expect(page.getByTestId('kpi-today')).toContainText('1');
  await expect(page.getByTestId('backlog-source-local')).toHaveText('本地数据');
  await page.screenshot({ path: screenshotPath('dashboard') });
  await queue.getByTestId('close-rectification').click();
  const dialog = page.getByRole('dialog', { name: '办结差评整改' });
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('follow-up').click();
  await page.getByTitle('回访满意').click();
  await dialog.getByTestId('rect-note').fill('已向申请人致歉，增设取号引导员，回访满意。');
  await page.screenshot({ path: screenshotPath('dashboard-close-rectification') });
  await dialog.getByRole('button', { name: '办结整改' }).click();
  await expect(dialog).toBeHidden();
  await expect(queue).toContainText('已办结');
  // The case table exports as CSV.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-cases').click();
  expect((await download).suggestedFilename()).toMatch(/^cases-.*\.csv$/);
});
