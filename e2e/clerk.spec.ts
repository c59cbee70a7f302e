import { expect, screenshotPath, test } from './host-fixture';
import { acceptWithOneDeferred } from './intake-walk';

// The machine is shared; these walks start a real host and take a while. No timing is asserted.
test.setTimeout(300_000);

test('(a) card → initials search → one 容缺 → accept → notice → rating on the pad → next applicant clean → listed', async ({ page, host }) => {
  await page.goto(host.openUrl);
  // The applicant-facing on-screen pad: a second page of the same host, waiting for a prompt.
  const pad = await page.context().newPage();
  await pad.goto(`${host.url}/#/pad`);
  await expect(pad.getByTestId('rating-pad')).toBeVisible();
  await page.bringToFront();
  const caseNumber = await acceptWithOneDeferred(page, { screenshots: true });
  await page.screenshot({ path: screenshotPath('intake-outcome') });
  await expect(pad.getByTestId('pad-level-1')).toBeVisible({ timeout: 30_000 });
  await pad.screenshot({ path: screenshotPath('rating-pad') });
  await pad.getByTestId('pad-level-1').click();
  await expect(page.getByTestId('rating-status')).toHaveAttribute('data-phase', 'rated', { timeout: 30_000 });
  // Next applicant starts clean, with the focus in the item search.
  await page.keyboard.press('F9');
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  await expect(page.getByTestId('card-summary')).toHaveCount(0);
  await expect(page.getByTestId('item-search')).toBeFocused();
  // The case is in 我的办件 with its sync state, rating and notice.
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('case-row-number').first()).toHaveText(caseNumber);
  await page.getByTestId('case-row').first().press('Enter');
  await expect(page.getByTestId('case-detail-title')).toHaveText(caseNumber);
  await expect(page.getByTestId('case-detail').getByTestId('sync-state')).toBeVisible();
  await expect(page.getByTestId('case-detail')).toContainText('非常满意');
  await expect(page.getByTestId('supplement')).toBeVisible();
  await page.screenshot({ path: screenshotPath('cases-detail') });
  // 补齐: the deferred material arrives; the case becomes fully accepted.
  await page.getByTestId('supplement').click();
  await expect(page.getByTestId('supplement')).toHaveCount(0);
});
