import type { Page } from '@playwright/test';
import { expect, screenshotPath, test } from './host-fixture';

test.setTimeout(180_000);

/** The intake walk by keyboard: F2 card, F3 search by initials, one 容缺, Ctrl+Enter. Returns the case number. */
async function acceptWithOneDeferred(page: Page): Promise<string> {
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  await page.keyboard.press('F2');
  await expect(page.getByTestId('applicant-id')).toContainText('*');
  await page.screenshot({ path: screenshotPath('intake-card-read') });
  await page.keyboard.press('F3');
  await page.keyboard.type('jzzsl');
  await expect(page.getByTestId('item-option').first()).toContainText('居住证申领');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('item-name')).toHaveText('居住证申领');
  // One deferrable material set to 容缺 with the keyboard (arrow keys move inside a radio group).
  const deferRadio = page.getByRole('radio', { name: '容缺' }).first();
  await deferRadio.focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('defer-deadline')).toBeVisible();
  await expect(page.getByTestId('promised-date')).toBeVisible();
  await page.screenshot({ path: screenshotPath('intake-filled') });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('commitment')).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('outcome')).toBeVisible();
  const caseNumber = (await page.getByTestId('case-number').first().textContent())!.trim();
  expect(caseNumber).toMatch(/-\d{8}-\d+$/);
  await expect(page.frameLocator('[data-testid=notice-frame]').locator('body')).toContainText(caseNumber);
  return caseNumber;
}

test('(a) card → initials search → one 容缺 → accept → notice → rating → listed', async ({ page, host }) => {
  await page.goto(host.openUrl);
  // The applicant-facing on-screen pad: a second page of the same host, waiting for a prompt.
  const pad = await page.context().newPage();
  await pad.goto(`${host.url}/#/pad`);
  await expect(pad.getByTestId('rating-pad')).toBeVisible();
  await page.bringToFront();
  const caseNumber = await acceptWithOneDeferred(page);
  await page.screenshot({ path: screenshotPath('intake-outcome') });
  await expect(pad.getByTestId('pad-level-5')).toBeVisible();
  await pad.screenshot({ path: screenshotPath('rating-pad') });
  await pad.getByTestId('pad-level-5').click();
  await expect(page.getByTestId('rating-status')).toHaveAttribute('data-phase', 'rated');
  // Next applicant starts clean.
  await page.keyboard.press('F9');
  await expect(page.getByTestId('intake-screen')).toBeVisible();
  await expect(page.getByTestId('card-summary')).toHaveCount(0);
  await expect(page.getByTestId('item-search')).toBeFocused();
  // The case is in 我的办件 with its sync state.
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('case-row-number').first()).toHaveText(caseNumber);
  await page.getByTestId('case-row').first().click();
  await expect(page.getByTestId('case-detail-title')).toHaveText(caseNumber);
  await expect(page.getByTestId('case-detail').getByTestId('sync-state')).toBeVisible();
  await page.screenshot({ path: screenshotPath('cases-detail') });
});
